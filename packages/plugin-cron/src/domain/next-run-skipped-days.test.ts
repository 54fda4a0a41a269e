// Days a zone skipped when it moved across the date line: the wall clock jumped from one midnight straight
// to the next, 24 hours on (found by scanning every zone's offsets, 1800-2060, for jumps of 12 hours or more;
// the ones eastward are all these). robfig/cron v3.0.1 never returns when its day step has to cross such a
// day: Go's time.Date resolves the missing midnight back to the midnight before, so AddDate(0, 0, 1) stands
// still. Each expected run is worked out by hand in its row's note; the walk runs in a worker so that a
// regression fails here instead of hanging the suite.
import {describe, expect, test} from 'vitest'
import {civilFromSeconds} from './civil-time.js'
import {formatInZone} from './format-in-zone.js'
import {parseSchedule} from './parse-schedule.js'
import type {CronSchedule} from './schedule.js'
import {nextRunsInWorker} from './test-support/next-runs-in-worker.js'
import type {NextRunsCall} from './test-support/next-runs-in-worker.js'
import {wallClockMatches} from './wall-clock-match.js'
import {ZoneClock} from './zone-clock.js'

interface SkippedDayCase {
  name: string
  schedule: string
  zone: string
  from: string
  want: string[]
}

describe('days a zone skipped', () => {
  test.concurrent.for<SkippedDayCase>([
    // Dec 10..30 do not match; Dec 31 1994 does not exist; Jan 1 1995 wraps to the month field, which waits for October.
    {name: 'Kiritimati 1994-12-31: the reported schedule', schedule: '51 */12 9 10-12 *', zone: 'Pacific/Kiritimati', from: '1994-12-10T00:00:00-10:00',
      want: ['1995-10-09T00:51:00+14:00', '1995-10-09T12:51:00+14:00', '1995-11-09T00:51:00+14:00']},
    // The skipped day was a Saturday; Sunday Jan 1 follows, then Saturday Jan 7.
    {name: 'Kiritimati 1994-12-31: a weekly schedule on the skipped weekday', schedule: '0 9 * * 6', zone: 'Pacific/Kiritimati', from: '1994-12-25T00:00:00-10:00',
      want: ['1995-01-07T09:00:00+14:00']},
    // Only Dec 31 matches: the first one that exists is a year later.
    {name: 'Kiritimati 1994-12-31: a schedule for the skipped date', schedule: '30 6 31 12 *', zone: 'Pacific/Kiritimati', from: '1994-12-01T00:00:00-10:00',
      want: ['1995-12-31T06:30:00+14:00']},
    // Every day matches, so the hour step (an absolute hour) crosses the gap: robfig returns here too.
    {name: 'Kiritimati 1994-12-31: daily at midnight, which robfig also returns', schedule: '0 0 * * *', zone: 'Pacific/Kiritimati', from: '1994-12-30T00:00:00-10:00',
      want: ['1995-01-01T00:00:00+14:00', '1995-01-02T00:00:00+14:00']},
    // Pacific/Enderbury in ICU: -11 to +13 at the same midnight as Kiritimati.
    {name: 'Kanton 1994-12-31: Saturday late evening', schedule: '45 23 * * 6', zone: 'Pacific/Kanton', from: '1994-12-26T00:00:00-11:00',
      want: ['1995-01-07T23:45:00+13:00']},
    // Samoa skipped Friday Dec 30 2011 (-10 DST to +14 DST); the next Friday is Jan 6.
    {name: 'Apia 2011-12-30: Fridays', schedule: '0 9 * * 5', zone: 'Pacific/Apia', from: '2011-12-24T00:00:00-10:00',
      want: ['2012-01-06T09:00:00+14:00']},
    // Dec 29 does not match, Dec 30 does not exist, Dec 31 does not match: the next 30th is in January.
    {name: 'Apia 2011-12-30: the 30th of each month', schedule: '0 0 30 * *', zone: 'Pacific/Apia', from: '2011-12-01T00:00:00-10:00',
      want: ['2012-01-30T00:00:00+14:00']},
    // Tokelau skipped the same Friday, -11 to +13.
    {name: 'Fakaofo 2011-12-30: Fridays', schedule: '15 8 * * 5', zone: 'Pacific/Fakaofo', from: '2011-12-24T00:00:00-11:00',
      want: ['2012-01-06T08:15:00+13:00']},
    // Thursday has passed 08:15; the hour step crosses the gap to Saturday, then Sunday, then Monday: robfig returns.
    {name: 'Fakaofo 2011-12-30: weekdays, which robfig also returns', schedule: '15 8 * * 1-5', zone: 'Pacific/Fakaofo', from: '2011-12-29T09:00:00-11:00',
      want: ['2012-01-02T08:15:00+13:00']},
    // Kwajalein skipped Saturday Aug 21 1993 (-12 to +12); Sunday Aug 22 is the first day after it.
    {name: 'Kwajalein 1993-08-21: the Sunday right after', schedule: '0 6 * * 0', zone: 'Pacific/Kwajalein', from: '1993-08-16T00:00:00-12:00',
      want: ['1993-08-22T06:00:00+12:00']},
    {name: 'Kwajalein 1993-08-21: the 21st of each month', schedule: '0 0 21 * *', zone: 'Pacific/Kwajalein', from: '1993-08-01T00:00:00-12:00',
      want: ['1993-09-21T00:00:00+12:00']},
    // The Philippines and the Spanish Pacific islands skipped Tuesday Dec 31 1844 (local mean time, offsets with
    // seconds: Go prints them as hh:mm, as formatInZone does).
    {name: 'Manila 1844-12-31: the 1st of each month', schedule: '0 12 1 * *', zone: 'Asia/Manila', from: '1844-12-05T12:00:00Z',
      want: ['1845-01-01T12:00:00+08:03']},
    // From Wednesday Dec 25 11:39 (-14:21): Thursday to Monday do not match; Wednesday Jan 1 follows the gap.
    {name: 'Guam 1844-12-31: Wednesdays', schedule: '30 9 * * 3', zone: 'Pacific/Guam', from: '1844-12-26T02:00:00Z',
      want: ['1845-01-01T09:30:00+09:39']},
    {name: 'Saipan 1844-12-31: the 31st of each month', schedule: '0 0 31 * *', zone: 'Pacific/Saipan', from: '1844-12-01T12:00:00Z',
      want: ['1845-01-31T00:00:00+09:39']},
    // The skipped day was the Tuesday: the next one is a week later.
    {name: 'Kosrae 1844-12-31: Tuesdays', schedule: '0 18 * * 2', zone: 'Pacific/Kosrae', from: '1844-12-27T00:00:00Z',
      want: ['1845-01-07T18:00:00+10:51']},
    {name: 'Palau 1844-12-31: the 2nd of each month', schedule: '5 4 2 * *', zone: 'Pacific/Palau', from: '1844-12-20T00:00:00Z',
      want: ['1845-01-02T04:05:00+08:57']},
  ])('$name', async ({schedule, zone, from, want}, {expect}) => {
    const call = {schedule: parseSchedule(schedule, {timeZone: zone}), timeZone: zone, fromMs: Date.parse(from), count: want.length}
    const [runs = []] = await nextRunsInWorker([call])
    expect(runs.map((run) => formatInZone(new Date(run), zone))).toEqual(want)
  })
})

// Random schedules and start times around the jumps of the zones whose offsets are whole minutes. On either
// side of a jump the offset is constant, so robfig's walk (where it returns) gives the first wall-clock minute
// that matches, and so must ours past the skipped day: a scan of the real minutes, one by one, is an oracle
// independent of the walk and its multi-hour and multi-minute steps. (Under local mean time, as in 1844,
// robfig's Truncate(time.Minute) cuts absolute minutes, not wall minutes, which such a scan does not model.)
describe('random schedules around a skipped day agree with a scan of the real minutes', () => {
  const jumps = [
    {zone: 'Pacific/Kiritimati', at: '1994-12-31T10:00:00Z'},
    {zone: 'Pacific/Enderbury', at: '1994-12-31T11:00:00Z'},
    {zone: 'Pacific/Apia', at: '2011-12-30T10:00:00Z'},
    {zone: 'Pacific/Fakaofo', at: '2011-12-30T11:00:00Z'},
    {zone: 'Pacific/Kwajalein', at: '1993-08-21T12:00:00Z'},
  ]
  const casesPerZone = 60
  const daySeconds = 86_400
  const scanDays = 60

  test.each(jumps)('$zone, skipping the day before $at', async ({zone, at}) => {
    const jump = Date.parse(at) / 1000
    const clock = new ZoneClock(zone)
    const scanEnd = jump + scanDays * daySeconds
    expect(clock.offsetTransitionAfter(jump - 15 * daySeconds, scanEnd), 'the jump is the only change in the window').toBe(jump)
    expect(clock.offsetTransitionAfter(jump, scanEnd)).toBeUndefined()

    const random = linearCongruential(jump)
    const calls: NextRunsCall[] = Array.from({length: casesPerZone}, () => ({
      schedule: parseSchedule(randomScheduleAround(civilFromSeconds(jump + clock.offsetAt(jump) - daySeconds), random), {timeZone: zone}),
      timeZone: zone,
      fromMs: (jump - Math.floor(random() * 15 * daySeconds)) * 1000,
      count: 1,
    }))
    const runs = await nextRunsInWorker(calls)

    const crossing = calls.filter((call, i) => {
      const scanned = firstMatchingMinute(call.schedule as CronSchedule, clock, call.fromMs / 1000, scanEnd)
      const [run] = runs[i] ?? []
      const context = `${call.schedule.expression} from ${new Date(call.fromMs).toISOString()}`
      if (scanned === undefined) expect(run === undefined || run >= scanEnd * 1000, context).toBe(true)
      else expect(run, context).toBe(scanned * 1000)
      return run !== undefined && run >= jump * 1000
    })
    expect(crossing.length, 'runs found past the skipped day').toBeGreaterThan(casesPerZone / 4)
  })
})

/** Deterministic, so a failure names a case that fails again. */
function linearCongruential(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

/** Fields that name the skipped day, its neighbours, its month and its weekday, or none of them. */
function randomScheduleAround(skipped: {day: number; month: number; weekday: number}, random: () => number): string {
  const pick = (choices: readonly string[]): string => choices[Math.floor(random() * choices.length)] ?? '*'
  const {day, month, weekday} = skipped
  const nextMonth = (month % 12) + 1
  return [
    pick(['*', '*/15', '0', '7,37', '59', '30-40/5']),
    pick(['*', '0', '23', '*/6', '9-17', '12,13']),
    pick(['*', `${day - 1}`, `${day}`, '1', '2', `${day - 3},${day}`, '*/2', '28-31', `${day}-31`]),
    pick(['*', `${month}`, `${month}-12`, `${nextMonth}`, `${month},${nextMonth}`]),
    pick(['*', `${weekday}`, `${(weekday + 1) % 7}`, '1-5', '0,6', '*/2']),
  ].join(' ')
}

/** The first whole minute after `fromSeconds` and before `untilSeconds` whose wall clock matches. */
function firstMatchingMinute(schedule: CronSchedule, clock: ZoneClock, fromSeconds: number, untilSeconds: number): number | undefined {
  for (let minute = (Math.floor(fromSeconds / 60) + 1) * 60; minute < untilSeconds; minute += 60) {
    if (wallClockMatches(schedule, clock.wallClock(minute))) return minute
  }
  return undefined
}
