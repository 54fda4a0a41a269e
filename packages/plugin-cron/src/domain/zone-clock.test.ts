import {expect, test} from 'vitest'
import {ZoneClock} from './zone-clock.js'

// Go's time.Date on wall times that do not exist or exist twice (go/src/time/time.go Date;
// ../shared/reference/cron.md §2.3). Results are the instants Go returns.
test.each([
  {name: 'New York spring gap 02:30 moves back by the gap (01:30 EST)', zone: 'America/New_York', wall: [2012, 3, 11, 2, 30], want: '2012-03-11T06:30:00Z'},
  {name: 'New York repeated 01:30 resolves to the first (EDT) instant', zone: 'America/New_York', wall: [2012, 11, 4, 1, 30], want: '2012-11-04T05:30:00Z'},
  {name: 'London repeated 01:30 resolves to the second (GMT) instant', zone: 'Europe/London', wall: [2024, 10, 27, 1, 30], want: '2024-10-27T01:30:00Z'},
  {name: 'Berlin spring gap 02:30 moves forward by the gap (03:30 CEST)', zone: 'Europe/Berlin', wall: [2024, 3, 31, 2, 30], want: '2024-03-31T01:30:00Z'},
  {name: 'overflowing fields carry over (Feb 30 is Mar 1)', zone: 'UTC', wall: [2024, 2, 30, 0, 0], want: '2024-03-01T00:00:00Z'},
  {name: 'month 13 is January of the next year', zone: 'Asia/Kolkata', wall: [2024, 13, 1, 5, 30], want: '2025-01-01T00:00:00Z'},
])('$name', ({zone, wall, want}) => {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = wall
  expect(new Date(new ZoneClock(zone).date(year, month, day, hour, minute, 0) * 1000).toISOString()).toBe(want.replace('Z', '.000Z'))
})

test('wallClock reads fields in the zone, weekday 0 = Sunday', () => {
  expect(new ZoneClock('Pacific/Chatham').wallClock(Date.parse('2024-04-06T13:00:00Z') / 1000)).toEqual({
    year: 2024, month: 4, day: 7, hour: 2, minute: 45, second: 0, weekday: 0,
  })
})
