import {expect, test} from 'vitest'
import {mostRecentScheduleTime} from './most-recent-schedule-time.js'

const topOfTheHour = Date.parse('2016-05-19T10:00:00Z')
const minutes = (n: number): Date => new Date(topOfTheHour + n * 60_000)
const hours = (n: number): Date => minutes(n * 60)

// kubernetes pkg/controller/cronjob/utils_test.go TestMostRecentScheduleTime; `startingDeadlineSeconds`
// is given only where upstream passes includeStartingDeadlineSeconds=true. Upstream checks few/many;
// `missed` is worked out by hand: (now - t1) / (t2 - t1) + 1 in whole seconds, 0 when now < t2.
test.each([
  {name: 'now before next schedule', schedule: '0 * * * *', earliest: minutes(0), now: new Date(topOfTheHour + 30_000), want: undefined, missed: 0, tooMany: false},
  {name: 'now just after next schedule', schedule: '0 * * * *', earliest: minutes(0), now: minutes(61), want: minutes(60), missed: 0, tooMany: false},
  {name: 'missed 5 schedules', schedule: '0 * * * *', earliest: new Date(topOfTheHour + 10_000), now: minutes(301), want: minutes(300), missed: 5, tooMany: false},
  {name: 'complex schedule', schedule: '30 6-16/4 * * 1-5', earliest: minutes(30), now: minutes(24 * 60 + 31), want: minutes(24 * 60 + 30), missed: 2, tooMany: false},
  // The approximation finds nothing although Friday 10:30, 11:30 and 12:30 were missed (upstream expects nil).
  {name: 'another complex schedule', schedule: '30 10,11,12 * * 1-5', earliest: minutes(30), now: minutes(30 * 60 + 30), want: undefined, missed: 30, tooMany: false},
  {name: 'complex schedule with longer diff between executions', schedule: '30 6-16/4 * * 1-5', earliest: minutes(30), now: minutes(96 * 60 + 31), want: minutes(96 * 60 + 30), missed: 6, tooMany: false},
  {name: 'complex schedule with shorter diff between executions', schedule: '30 6-16/4 * * 1-5', earliest: minutes(0), now: minutes(24 * 60 + 31), want: minutes(24 * 60 + 30), missed: 7, tooMany: false},
  {name: '@every schedule', schedule: '@every 1h', earliest: minutes(1), now: hours(7 * 24), want: minutes(((6 * 24) + 23) * 60 + 1), missed: 167, tooMany: true},
  {name: 'earliestTime being CreationTimestamp and LastScheduleTime', schedule: '0 * * * *', earliest: minutes(0), now: new Date(topOfTheHour + 30_000), want: undefined, missed: 0, tooMany: false},
  {name: 'earliestTime being LastScheduleTime', schedule: '*/5 * * * *', earliest: minutes(30), now: minutes(31), want: undefined, missed: 0, tooMany: false},
  {name: 'earliestTime being LastScheduleTime (outside StartingDeadlineSeconds)', schedule: '*/5 * * * *', earliest: minutes(30), now: minutes(32), startingDeadlineSeconds: 60, want: undefined, missed: 0, tooMany: false},
])('$name', ({schedule, earliest, now, startingDeadlineSeconds, want, missed, tooMany}) => {
  const result = mostRecentScheduleTime(schedule, {earliest, now, ...(startingDeadlineSeconds === undefined ? {} : {startingDeadlineSeconds})})
  expect(result).toEqual({...(want === undefined ? {} : {mostRecent: want}), missedCount: missed, tooMany})
})

test('a starting deadline moves the earliest time forward, so old runs are not started', () => {
  const late = {earliest: minutes(0), now: minutes(301)}
  expect(mostRecentScheduleTime('0 * * * *', late).mostRecent).toEqual(minutes(300))
  expect(mostRecentScheduleTime('0 * * * *', {...late, startingDeadlineSeconds: 30})).toEqual({missedCount: 0, tooMany: false})
})

// utils_test.go "rogue cronjob": Feb 31 never comes; the controller reports InvalidSchedule.
test('an unsatisfiable schedule is reported as invalid', () => {
  expect(mostRecentScheduleTime('59 23 31 2 *', {earliest: new Date(topOfTheHour + 10_000), now: hours(1)})).toEqual({
    missedCount: 0, tooMany: false, invalidSchedule: 'time difference between two schedules is less than 1 second',
  })
})

test('the schedule runs in its time zone', () => {
  // 09:00 in Kolkata is 03:30 UTC.
  const result = mostRecentScheduleTime('0 9 * * *', {timeZone: 'Asia/Kolkata', earliest: new Date('2024-01-01T00:00:00Z'), now: new Date('2024-01-01T04:00:00Z')})
  expect(result.mostRecent).toEqual(new Date('2024-01-01T03:30:00Z'))
})
