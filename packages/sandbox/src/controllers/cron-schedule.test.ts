import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {formatInZone, nextCronTime, parseCronSchedule} from './cron-schedule.js'

interface OracleCase {
  schedule: string
  timeZone?: string
  from: string
  next?: string[]
  error?: string
}

/**
 * Next-run times computed by robfig/cron v3.0.1 (../shared/testdata/cron, see its README),
 * restricted to what the minimal engine claims: zones without DST (UTC, Asia/Kolkata), no @every.
 */
function oracleCases(): OracleCase[] {
  const directory = fileURLToPath(new URL('../../../../../shared/testdata/cron/', import.meta.url))
  return ['robfig-oracle-handpicked.jsonl', 'robfig-oracle-dst-zones.jsonl']
    .flatMap((file) => readFileSync(directory + file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as OracleCase))
    .filter((c) => c.error === undefined && c.next?.[0] !== 'ZERO')
    .filter((c) => ['UTC', 'Asia/Kolkata', undefined].includes(c.timeZone) && !c.schedule.includes('@every') && !c.schedule.includes('TZ'))
}

describe('nextCronTime against the robfig/cron oracle', () => {
  const cases = oracleCases()
  test('there are enough cases to mean something', () => expect(cases.length).toBeGreaterThan(300))
  test.each(cases)('$schedule in $timeZone from $from', ({schedule, timeZone, from, next}) => {
    const parsed = parseCronSchedule(schedule)
    const got: string[] = []
    let after = new Date(from)
    for (const _ of next ?? []) {
      const at = nextCronTime(parsed, timeZone ?? 'UTC', after)
      if (!at) break
      got.push(at.toISOString())
      after = at
    }
    expect(got).toEqual((next ?? []).map((n) => new Date(n).toISOString()))
  })
})

test.each([
  {schedule: '*/5 * * * *', from: '2026-01-01T10:02:00Z', want: '2026-01-01T10:05:00.000Z'},
  {schedule: '@hourly', from: '2026-01-01T10:00:00Z', want: '2026-01-01T11:00:00.000Z'},
  {schedule: '@daily', from: '2026-01-01T10:00:00Z', want: '2026-01-02T00:00:00.000Z'},
  {schedule: '30 2 * * mon', from: '2026-01-01T00:00:00Z', want: '2026-01-05T02:30:00.000Z'},
  {schedule: '0 9 1 jan *', from: '2026-01-01T10:00:00Z', want: '2027-01-01T09:00:00.000Z'},
])('$schedule after $from is $want', ({schedule, from, want}) => {
  expect(nextCronTime(parseCronSchedule(schedule), 'UTC', new Date(from))?.toISOString()).toBe(want)
})

test('a schedule is read in its time zone', () => {
  const at = nextCronTime(parseCronSchedule('0 9 * * *'), 'Europe/Berlin', new Date('2026-07-01T00:00:00Z'))
  expect(at?.toISOString()).toBe('2026-07-01T07:00:00.000Z')
})

test('a day that never comes gives no next time', () => {
  expect(nextCronTime(parseCronSchedule('0 0 30 2 *'), 'UTC', new Date('2026-01-01T00:00:00Z'))).toBeUndefined()
})

test.each([
  {schedule: '* * * *', message: 'expected 5 fields'},
  {schedule: '61 * * * *', message: '"61" is not in 0-59'},
  {schedule: '*/0 * * * *', message: 'bad step'},
  {schedule: '* * * * 7', message: '"7" is not in 0-6'},
])('rejects $schedule', ({schedule, message}) => {
  expect(() => parseCronSchedule(schedule)).toThrow(message)
})

test.each([
  {at: '2026-01-15T10:30:00Z', zone: 'UTC', want: '2026-01-15T10:30:00Z'},
  {at: '2026-01-15T10:30:00Z', zone: 'America/New_York', want: '2026-01-15T05:30:00-05:00'},
  {at: '2026-07-15T10:30:00Z', zone: 'Europe/Berlin', want: '2026-07-15T12:30:00+02:00'},
  {at: '2026-07-15T10:30:00Z', zone: 'Asia/Kolkata', want: '2026-07-15T16:00:00+05:30'},
])('formatInZone($at, $zone) = $want', ({at, zone, want}) => {
  expect(formatInZone(new Date(at), zone)).toBe(want)
})
