// Every case of ../shared/testdata/cron/*.jsonl: next-run times and parser errors produced by the real
// robfig/cron v3.0.1 (the library and version the CronJob controller uses), called as the controller
// calls it: ParseStandard("TZ=" + timeZone + " " + schedule), then Next() fed back into itself.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {formatInZone} from './format-in-zone.js'
import {nextRuns} from './next-runs.js'
import {parseSchedule} from './parse-schedule.js'

interface OracleCase {
  file: string
  schedule: string
  timeZone: string
  from?: string
  next?: string[]
  error?: string
}

const repoRoot = path.resolve(import.meta.dirname, '../../../..')
const testdataDir = path.resolve(repoRoot, '../shared/testdata/cron')

function loadCases(): OracleCase[] {
  if (!existsSync(testdataDir)) return []
  return readdirSync(testdataDir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((file) =>
      readFileSync(path.join(testdataDir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => ({file, ...(JSON.parse(line) as Omit<OracleCase, 'file'>)})),
    )
}

const cases = loadCases()
const runCases = cases.filter((c) => c.next !== undefined)
const errorCases = cases.filter((c) => c.error !== undefined)
const zoneOf = (c: OracleCase): string | undefined => (c.timeZone === '' ? undefined : c.timeZone)

describe('robfig/cron v3.0.1 oracle', () => {
  test(`the oracle data is present in ${testdataDir}`, () => {
    expect(existsSync(testdataDir)).toBe(true)
    expect(runCases.length).toBeGreaterThan(0)
    expect(errorCases.length).toBeGreaterThan(0)
  })

  test.each(runCases)('$schedule in $timeZone from $from', (c) => {
    const zone = zoneOf(c)
    const want = c.next ?? []
    const expectsNone = want[0] === 'ZERO'
    const runs = nextRuns(c.schedule, {timeZone: zone, from: new Date(c.from ?? ''), count: expectsNone ? 1 : want.length})
    expect(runs.map((run) => formatInZone(run, zone ?? 'UTC'))).toEqual(expectsNone ? [] : want)
  })

  test.each(errorCases)('$schedule is rejected: $error', (c) => {
    const zone = zoneOf(c)
    expect(() => parseSchedule(c.schedule, zone === undefined ? {} : {timeZone: zone})).toThrow(
      expect.objectContaining({code: 'INVALID_ARGUMENT', message: `invalid schedule ${JSON.stringify(c.schedule)}: ${c.error}`}),
    )
  })
})
