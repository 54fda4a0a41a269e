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
  // Kiritimati skipped 1994-12-31 (-10 until 10:00Z, then +14): a time before 10:00 read as UTC finds -10 there
  // and +14 at the corrected instant, so it moves a day back; a later one finds +14, then -10, and moves a day on.
  {name: 'Kiritimati skipped day: its midnight resolves a day back (1994-12-30 00:00 -10)', zone: 'Pacific/Kiritimati', wall: [1994, 12, 31, 0, 0], want: '1994-12-30T10:00:00Z'},
  {name: 'Kiritimati skipped day: 15:00 resolves a day on (1995-01-01 15:00 +14)', zone: 'Pacific/Kiritimati', wall: [1994, 12, 31, 15, 0], want: '1995-01-01T01:00:00Z'},
])('$name', ({zone, wall, want}) => {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = wall
  expect(new Date(new ZoneClock(zone).date(year, month, day, hour, minute, 0) * 1000).toISOString()).toBe(want.replace('Z', '.000Z'))
})

test('wallClock reads fields in the zone, weekday 0 = Sunday', () => {
  expect(new ZoneClock('Pacific/Chatham').wallClock(Date.parse('2024-04-06T13:00:00Z') / 1000)).toEqual({
    year: 2024, month: 4, day: 7, hour: 2, minute: 45, second: 0, weekday: 0,
  })
})

test.each([
  {name: 'the jump over a skipped day', zone: 'Pacific/Apia', from: '2011-12-29T10:00:00Z', until: '2012-01-01T00:00:00Z', want: '2011-12-30T10:00:00Z'},
  {name: 'a change exactly at the end of the window', zone: 'Pacific/Apia', from: '2011-12-29T10:00:00Z', until: '2011-12-30T10:00:00Z', want: '2011-12-30T10:00:00Z'},
  {name: 'none before the end of the window', zone: 'Pacific/Apia', from: '2011-12-29T10:00:00Z', until: '2011-12-30T09:59:59Z', want: undefined},
  {name: 'none at the start itself', zone: 'Pacific/Apia', from: '2011-12-30T10:00:00Z', until: '2012-01-01T00:00:00Z', want: undefined},
  {name: 'none in UTC', zone: 'UTC', from: '2011-12-29T10:00:00Z', until: '2012-01-01T00:00:00Z', want: undefined},
])('offsetTransitionAfter: $name', ({zone, from, until, want}) => {
  const seconds = (iso: string): number => Date.parse(iso) / 1000
  expect(new ZoneClock(zone).offsetTransitionAfter(seconds(from), seconds(until))).toBe(want === undefined ? undefined : seconds(want))
})
