import {describe, expect, test} from 'vitest'
import {formatInZone} from './format-in-zone.js'
import {nextRuns} from './next-runs.js'
import {parseSchedule} from './parse-schedule.js'

const runsIn = (schedule: string, timeZone: string, from: string, count: number): string[] =>
  nextRuns(schedule, {timeZone, from: new Date(from), count}).map((run) => formatInZone(run, timeZone))

// DST behaviour of robfig/cron v3.0.1 Next(), checked against the Go oracle
// (../shared/testdata/cron/robfig-oracle-handpicked.jsonl; ../shared/reference/cron.md §2.5).
describe('daylight saving time', () => {
  test.each([
    {name: 'spring gap: hourly jumps from 01:00 EST to 03:00 EDT', schedule: '0 * * * *', zone: 'America/New_York', from: '2012-03-11T05:00:00Z',
      want: ['2012-03-11T01:00:00-05:00', '2012-03-11T03:00:00-04:00', '2012-03-11T04:00:00-04:00']},
    {name: 'spring gap: a daily time inside the gap is skipped that day', schedule: '0 2 * * *', zone: 'America/New_York', from: '2012-03-11T05:00:00Z',
      want: ['2012-03-12T02:00:00-04:00']},
    {name: 'spring gap: Berlin 02:30 skips 2024-03-31', schedule: '30 2 * * *', zone: 'Europe/Berlin', from: '2024-03-30T12:00:00Z',
      want: ['2024-04-01T02:30:00+02:00', '2024-04-02T02:30:00+02:00']},
    {name: 'fall overlap: 01:00 fires in EDT and again in EST', schedule: '0 1 * * *', zone: 'America/New_York', from: '2012-11-04T04:00:00Z',
      want: ['2012-11-04T01:00:00-04:00', '2012-11-04T01:00:00-05:00', '2012-11-05T01:00:00-05:00']},
    {name: 'fall overlap: Berlin 02:30 fires twice', schedule: '30 2 * * *', zone: 'Europe/Berlin', from: '2024-10-26T12:00:00Z',
      want: ['2024-10-27T02:30:00+02:00', '2024-10-27T02:30:00+01:00', '2024-10-28T02:30:00+01:00']},
    {name: 'fall overlap: every 30 minutes walks the repeated hour twice', schedule: '*/30 * * * *', zone: 'Europe/Berlin', from: '2024-10-27T00:00:00Z',
      want: ['2024-10-27T02:30:00+02:00', '2024-10-27T02:00:00+01:00', '2024-10-27T02:30:00+01:00', '2024-10-27T03:00:00+01:00']},
    {name: 'midnight that does not exist: Sao Paulo skips to the next day', schedule: '0 0 * * *', zone: 'America/Sao_Paulo', from: '2018-11-03T00:00:00Z',
      want: ['2018-11-03T00:00:00-03:00', '2018-11-05T00:00:00-02:00']},
    {name: 'midnight that does not exist: Tehran skips a whole matching day', schedule: '10-20/5 * 29 * */2', zone: 'Asia/Tehran', from: '2022-03-21T18:00:00Z',
      want: ['2022-03-24T00:10:00+04:30', '2022-03-24T00:15:00+04:30']},
    {name: '30-minute shift: Lord Howe 01:45 fires twice', schedule: '45 1 * * *', zone: 'Australia/Lord_Howe', from: '2024-04-06T00:00:00Z',
      want: ['2024-04-07T01:45:00+11:00', '2024-04-07T01:45:00+10:30', '2024-04-08T01:45:00+10:30']},
    {name: '30-minute shift: Lord Howe hour step misses 02:00+10:30', schedule: '0,30 2 1,15 * sun', zone: 'Australia/Lord_Howe', from: '2024-03-30T20:00:00Z',
      want: ['2024-04-01T02:00:00+11:00', '2024-04-01T02:30:00+11:00', '2024-04-07T02:30:00+10:30', '2024-04-14T02:00:00+10:30']},
    {name: 'London winter prints Z like Go', schedule: '45 2 29 2 6', zone: 'Europe/London', from: '2024-03-30T20:00:00Z',
      want: ['2025-02-01T02:45:00Z', '2025-02-08T02:45:00Z']},
  ])('$name', ({schedule, zone, from, want}) => {
    expect(runsIn(schedule, zone, from, want.length)).toEqual(want)
  })
})

describe('nextRuns', () => {
  test('day-of-month and day-of-week: OR when both are restricted, AND when either is a star', () => {
    const from = '2016-05-19T10:00:00Z'
    expect(runsIn('0 0 */2 * 1', 'UTC', from, 3)).toEqual(['2016-05-21T00:00:00Z', '2016-05-23T00:00:00Z', '2016-05-25T00:00:00Z'])
    expect(runsIn('0 0 */1 * 1', 'UTC', from, 2)).toEqual(['2016-05-23T00:00:00Z', '2016-05-30T00:00:00Z'])
  })

  test('runs are strictly after `from`, on whole minutes', () => {
    expect(runsIn('* * * * *', 'UTC', '2012-12-31T23:59:00Z', 1)).toEqual(['2013-01-01T00:00:00Z'])
    expect(runsIn('* * * * *', 'UTC', '2012-12-31T23:59:45.5Z', 1)).toEqual(['2013-01-01T00:00:00Z'])
  })

  test('no run within five years gives an empty list', () => {
    expect(nextRuns('0 0 30 2 *', {from: new Date('2016-05-19T10:00:00Z'), count: 3})).toEqual([])
    expect(nextRuns('0 0 29 2 *', {from: new Date('2012-07-09T23:35:00Z'), count: 1})).toEqual([new Date('2016-02-29T00:00:00Z')])
  })

  test('@every adds its interval to the previous run, dropping sub-seconds, ignoring the zone', () => {
    const from = new Date('2024-10-27T00:00:00.750Z')
    expect(nextRuns('@every 90m', {timeZone: 'Europe/Berlin', from, count: 2})).toEqual([
      new Date('2024-10-27T01:30:00Z'), new Date('2024-10-27T03:00:00Z'),
    ])
  })

  // The controller counts @every from status.lastScheduleTime (else creationTimestamp): mostRecentScheduleTime's
  // t1 = Next(earliest), and nextScheduleTimeDuration requeues at Next(mostRecent or earliest). Runs fall on that grid.
  test.each([
    {name: 'the next run is an interval after the last one, not after now', from: '2026-11-25T00:24:36Z', lastRun: '2026-11-25T00:21:36Z',
      want: ['2026-11-25T00:31:36Z', '2026-11-25T00:41:36Z']},
    {name: 'runs missed long ago stay on the grid', from: '2026-11-25T01:05:00Z', lastRun: '2026-11-25T00:00:00Z', want: ['2026-11-25T01:10:00Z']},
    {name: 'a run due exactly now is not "next"', from: '2026-11-25T00:10:00Z', lastRun: '2026-11-25T00:00:00Z', want: ['2026-11-25T00:20:00Z']},
    {name: 'a start before the last run follows the same grid', from: '2026-11-24T00:05:00Z', lastRun: '2026-11-25T00:00:00Z', want: ['2026-11-24T00:10:00Z']},
  ])('@every with its last run: $name', ({from, lastRun, want}) => {
    expect(nextRuns('@every 10m', {from: new Date(from), lastRun: new Date(lastRun), count: want.length})).toEqual(want.map((time) => new Date(time)))
  })

  test('a cron schedule does not depend on its last run', () => {
    const from = new Date('2026-11-25T00:24:36Z')
    expect(nextRuns('*/10 * * * *', {from, lastRun: new Date('2026-11-25T00:21:36Z'), count: 1})).toEqual([new Date('2026-11-25T00:30:00Z')])
  })

  test('without timeZone the controller zone applies, UTC by default', () => {
    const from = new Date('2024-01-01T00:00:00Z')
    expect(nextRuns('0 9 * * *', {from, count: 1})).toEqual([new Date('2024-01-01T09:00:00Z')])
    expect(nextRuns('0 9 * * *', {from, count: 1, controllerTimeZone: 'Asia/Kolkata'})).toEqual([new Date('2024-01-01T03:30:00Z')])
    expect(nextRuns('0 9 * * *', {from, count: 1, timeZone: 'UTC', controllerTimeZone: 'Asia/Kolkata'})).toEqual([new Date('2024-01-01T09:00:00Z')])
  })

  test('a parsed schedule keeps its zone unless options.timeZone replaces it', () => {
    const schedule = parseSchedule('0 9 * * *', {timeZone: 'Asia/Kolkata'})
    const from = new Date('2024-01-01T00:00:00Z')
    expect(nextRuns(schedule, {from, count: 1})).toEqual([new Date('2024-01-01T03:30:00Z')])
    expect(nextRuns(schedule, {from, count: 1, timeZone: 'UTC'})).toEqual([new Date('2024-01-01T09:00:00Z')])
  })

  test.each([
    [{count: -1}, 'invalid count -1: must be a whole number, 0 or more'],
    [{count: 1.5}, 'invalid count 1.5: must be a whole number, 0 or more'],
    [{count: 1, from: new Date('nope')}, 'invalid from time: not a valid date'],
    [{count: 1, controllerTimeZone: 'Mars/Base'}, 'invalid time zone "Mars/Base": unknown time zone Mars/Base'],
  ])('bad options are usage errors: %j', (options, message) => {
    expect(() => nextRuns('0 0 * * *', {from: new Date(0), ...options})).toThrow(expect.objectContaining({code: 'INVALID_ARGUMENT', message}))
  })

  test('count 0 gives no runs', () => {
    expect(nextRuns('* * * * *', {from: new Date(0), count: 0})).toEqual([])
  })
})
