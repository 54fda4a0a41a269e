import {describe, expect, test} from 'vitest'
import {nextRuns} from './next-runs.js'
import {parseSchedule} from './parse-schedule.js'
import type {CronSchedule} from './schedule.js'

const cron = (expression: string): CronSchedule => {
  const schedule = parseSchedule(expression)
  if (schedule.kind !== 'cron') throw new Error(`${expression} parsed as ${schedule.kind}`)
  return schedule
}
const range = (from: number, to: number, step = 1): number[] => Array.from({length: Math.floor((to - from) / step) + 1}, (_, i) => from + i * step)

// Reasons as robfig/cron v3.0.1 ParseStandard words them (parser.go; ../shared/testdata/cron/validation-table.md;
// robfig parser_test.go TestRange/TestParseScheduleErrors/TestSlash0NoHang), with the API server's TZ rule on top.
describe('rejected schedules', () => {
  test.each([
    ['', 'empty spec string'],
    ['* * *', 'expected exactly 5 fields, found 3: [* * *]'],
    ['0 0 0 * * *', 'expected exactly 5 fields, found 6: [0 0 0 * * *]'],
    [' @daily', 'expected exactly 5 fields, found 1: [@daily]'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 0 * * 0-7', 'end of range (7) above maximum (6): 0-7'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['0 0 2-1 * *', 'beginning of range (2) beyond end of range (1): 2-1'],
    ['0 0 * * FRI-MON', 'beginning of range (5) beyond end of range (1): FRI-MON'],
    ['0 0 L * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['0 0 LW * *', 'failed to parse int from LW: strconv.Atoi: parsing "LW": invalid syntax'],
    ['0 0 15W * *', 'failed to parse int from 15W: strconv.Atoi: parsing "15W": invalid syntax'],
    ['0 0 * * 1#1', 'failed to parse int from 1#1: strconv.Atoi: parsing "1#1": invalid syntax'],
    ['0 0 * * 5L', 'failed to parse int from 5L: strconv.Atoi: parsing "5L": invalid syntax'],
    ['H * * * *', 'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax'],
    ['0 0 * JANUARY *', 'failed to parse int from JANUARY: strconv.Atoi: parsing "JANUARY": invalid syntax'],
    ['0 0 * * +MON', 'failed to parse int from +MON: strconv.Atoi: parsing "+MON": invalid syntax'],
    ['FRI-MON 0 * * *', 'failed to parse int from FRI: strconv.Atoi: parsing "FRI": invalid syntax'],
    ['/5 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['-1 0 * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['0 0 * * mon\ufeff', 'failed to parse int from mon\ufeff: strconv.Atoi: parsing "mon\\ufeff": invalid syntax'],
    ['99999999999999999999 * * * *', 'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['100000000000 * * * *', 'end of range (100000000000) above maximum (59): 100000000000'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['15/0 * * * *', 'step of range should be a positive number: 15/0'],
    ['0 0 * * 1-3/0', 'step of range should be a positive number: 1-3/0'],
    ['*/-12 * * * *', 'negative number (-12) not allowed: -12'],
    ['*//2 * * * *', 'too many slashes: *//2'],
    ['5--5 * * * *', 'too many hyphens: 5--5'],
    ['@Daily', 'unrecognized descriptor: @Daily'],
    ['@weekdays', 'unrecognized descriptor: @weekdays'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
    ['@daily ', 'unrecognized descriptor: @daily '],
    ['@every', 'unrecognized descriptor: @every'],
    ['@every Xm', 'failed to parse duration @every Xm: time: invalid duration "Xm"'],
    ['@every 1x', 'failed to parse duration @every 1x: time: unknown unit "x" in duration "1x"'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 1h 30m', 'failed to parse duration @every 1h 30m: time: unknown unit "h " in duration "1h 30m"'],
    ['TZ=UTC 0 0 * * *', 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
    ['CRON_TZ=Europe/Berlin @daily', 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
    ['TZ=UTC 0 0 * * 7', 'end of range (7) above maximum (6): 7'],
  ])('%j: %s', (expression, reason) => {
    expect(() => parseSchedule(expression)).toThrow(
      expect.objectContaining({code: 'INVALID_ARGUMENT', exitCode: 2, message: `invalid schedule ${JSON.stringify(expression)}: ${reason}`}),
    )
  })
})

// kubernetes pkg/apis/batch/validation/validation.go validateTimeZone, with Intl in place of time.LoadLocation.
describe('time zones', () => {
  test.each([
    ['', 'timeZone must be nil or non-empty string'],
    ['Nowhere/City', 'unknown time zone Nowhere/City'],
    ['utc', 'unknown time zone utc'],
    ['europe/berlin', 'unknown time zone europe/berlin'],
    ['+05:30', 'unknown time zone +05:30'],
    ['../etc/passwd', 'unknown time zone ../etc/passwd'],
    ['America/-Foo', 'unknown time zone America/-Foo'],
    ['Local', 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'],
  ])('%j is rejected: %s', (timeZone, reason) => {
    expect(() => parseSchedule('0 0 * * *', {timeZone})).toThrow(
      expect.objectContaining({code: 'INVALID_ARGUMENT', message: `invalid time zone ${JSON.stringify(timeZone)}: ${reason}`}),
    )
  })

  test.each(['UTC', 'Etc/UTC', 'America/New_York', 'US/Eastern', 'Asia/Kolkata', 'Etc/GMT+5', 'Australia/Lord_Howe'])('%s is accepted', (timeZone) => {
    expect(parseSchedule('0 0 * * *', {timeZone}).timeZone).toBe(timeZone)
  })

  test('the schedule is checked before the zone, as the API server lists its errors', () => {
    expect(() => parseSchedule('0 0 * * 7', {timeZone: 'Nowhere/City'})).toThrow('invalid schedule "0 0 * * 7"')
  })
})

describe('accepted schedules', () => {
  test.each([
    {expression: '*/15 * * * *', field: 'minute', values: [0, 15, 30, 45], star: false},
    {expression: '5/15 * * * *', field: 'minute', values: [5, 20, 35, 50], star: false},
    {expression: '0,,5 0 * * *', field: 'minute', values: [0, 5], star: false},
    {expression: '+5 0 * * *', field: 'minute', values: [5], star: false},
    {expression: '05 0 * * *', field: 'minute', values: [5], star: false},
    {expression: '*-5 * * * *', field: 'minute', values: range(0, 59), star: true},
    {expression: '0 6-16/4 * * *', field: 'hour', values: [6, 10, 14], star: false},
    {expression: '0 0 * * *', field: 'dayOfMonth', values: range(1, 31), star: true},
    {expression: '0 0 ? * *', field: 'dayOfMonth', values: range(1, 31), star: true},
    {expression: '0 0 */1 * *', field: 'dayOfMonth', values: range(1, 31), star: true},
    {expression: '0 0 *,5 * *', field: 'dayOfMonth', values: range(1, 31), star: true},
    {expression: '0 0 */2 * *', field: 'dayOfMonth', values: range(1, 31, 2), star: false},
    {expression: '0 0 1-31 * *', field: 'dayOfMonth', values: range(1, 31), star: false},
    {expression: '0 0 1-31/2 * *', field: 'dayOfMonth', values: range(1, 31, 2), star: false},
    {expression: '0 0 * jan,Mar *', field: 'month', values: [1, 3], star: false},
    {expression: '0 0 * Apr-Oct/3 *', field: 'month', values: [4, 7, 10], star: false},
    {expression: '0 0 * * sun-sat', field: 'dayOfWeek', values: range(0, 6), star: false},
    {expression: '0 0 * * SUN-SAT', field: 'dayOfWeek', values: range(0, 6), star: false},
    {expression: '0 0 * * 0/2', field: 'dayOfWeek', values: [0, 2, 4, 6], star: false},
    {expression: '0 0 * * 1,', field: 'dayOfWeek', values: [1], star: false},
    {expression: '0 0 * * Mon/2', field: 'dayOfWeek', values: [1, 3, 5], star: false},
    {expression: '0\t0  *\u00a0* fr\u0130', field: 'dayOfWeek', values: [5], star: false},
    {expression: '@yearly', field: 'month', values: [1], star: false},
    {expression: '@annually', field: 'dayOfMonth', values: [1], star: false},
    {expression: '@monthly', field: 'dayOfWeek', values: range(0, 6), star: true},
    {expression: '@weekly', field: 'dayOfWeek', values: [0], star: false},
    {expression: '@daily', field: 'hour', values: [0], star: false},
    {expression: '@midnight', field: 'minute', values: [0], star: false},
    {expression: '@hourly', field: 'hour', values: range(0, 23), star: true},
  ] as const)('$expression: $field', ({expression, field, values, star}) => {
    const parsed = cron(expression)[field]
    expect(parsed.values).toEqual(values)
    expect(parsed.star).toBe(star)
  })

  test.each([
    ['@every 90s', 90],
    ['@every 1h30m', 5400],
    ['@every 2.9s', 2],
    ['@every 1.5h', 5400],
    ['@every 500ms', 1],
    ['@every 0', 1],
    ['@every -5s', 1],
  ])('%s runs every %i seconds', (expression, intervalSeconds) => {
    expect(parseSchedule(expression)).toEqual({kind: 'every', expression, timeZone: undefined, intervalSeconds})
  })

  test('unsatisfiable dates parse (the API server accepts them)', () => {
    expect(cron('0 0 30 2 *').dayOfMonth.values).toEqual([30])
  })
})

// A CronJob stored before Kubernetes 1.29 may keep a TZ=/CRON_TZ= prefix: updates are allowed, and the
// controller still runs it (cronjob_controllerv2.go formatSchedule uses such a schedule as it is, so its
// zone wins over spec.timeZone; robfig ParseStandard reads the zone with time.LoadLocation).
describe('stored schedules, as the controller parses them', () => {
  test.each([
    {expression: 'CRON_TZ=Europe/Berlin 0 2 * * *', timeZone: undefined, want: 'Europe/Berlin'},
    {expression: 'TZ=Asia/Tokyo @daily', timeZone: undefined, want: 'Asia/Tokyo'},
    {expression: 'TZ=Asia/Tokyo 0 2 * * *', timeZone: 'Europe/Berlin', want: 'Asia/Tokyo'},
    {expression: 'TZ=Local 0 2 * * *', timeZone: undefined, want: undefined},
    {expression: '0 2 * * *', timeZone: 'Europe/Berlin', want: 'Europe/Berlin'},
  ])('$expression with spec.timeZone $timeZone runs in $want', ({expression, timeZone, want}) => {
    expect(parseSchedule(expression, {timeZone, stored: true}).timeZone).toBe(want)
  })

  test('the prefix zone is the one the runs are computed in', () => {
    const schedule = parseSchedule('CRON_TZ=Europe/Berlin 0 2 * * *', {stored: true})
    expect(nextRuns(schedule, {from: new Date('2026-05-31T12:00:00Z'), count: 1})).toEqual([new Date('2026-06-01T00:00:00Z')])
  })

  test.each([
    ['TZ=Nowhere/City 0 2 * * *', 'provided bad location Nowhere/City: unknown time zone Nowhere/City'],
    ['TZ=UTC 0 2 * * 7', 'end of range (7) above maximum (6): 7'],
  ])('%j is rejected: %s', (expression, reason) => {
    expect(() => parseSchedule(expression, {stored: true})).toThrow(`invalid schedule ${JSON.stringify(expression)}: ${reason}`)
  })
})
