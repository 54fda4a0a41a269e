import {afterEach, describe, expect, test, vi} from 'vitest'
import {ZoneOffsets, zoneOffsets} from './zone-offsets.js'

const YEAR_2026 = Date.UTC(2026, 0, 1) / 1000
const YEAR_SECONDS = 365 * 24 * 3600

afterEach(() => {
  vi.restoreAllMocks()
})

describe('ZoneOffsets', () => {
  test('UTC: offset 0 and no transitions, without an Intl formatter (the first one of a process costs ~20 ms)', () => {
    const formatters = vi.spyOn(Intl, 'DateTimeFormat')
    const utc = new ZoneOffsets('UTC')
    expect(utc.offsetAt(YEAR_2026)).toBe(0)
    expect(utc.transitionsBetween(YEAR_2026, YEAR_2026 + YEAR_SECONDS)).toEqual([])
    expect(formatters).not.toHaveBeenCalled()
  })

  test('a zone with DST: its 2026 transitions, to the second', () => {
    const berlin = new ZoneOffsets('Europe/Berlin')
    expect(berlin.transitionsBetween(YEAR_2026, YEAR_2026 + YEAR_SECONDS)).toEqual([
      {at: Date.parse('2026-03-29T01:00:00Z') / 1000, offsetBefore: 3600, offsetAfter: 7200},
      {at: Date.parse('2026-10-25T01:00:00Z') / 1000, offsetBefore: 7200, offsetAfter: 3600},
    ])
    expect(berlin.offsetAt(Date.parse('2026-07-01T00:00:00Z') / 1000)).toBe(7200)
  })

  test('offsetChangeAfter: the next transition, else no later than the next one', () => {
    const berlin = new ZoneOffsets('Europe/Berlin')
    const spring = Date.parse('2026-03-29T01:00:00Z') / 1000
    expect(berlin.offsetChangeAfter(spring - 3600)).toBe(spring)
    expect(berlin.offsetChangeAfter(spring - 1)).toBe(spring)
    const afterSpring = berlin.offsetChangeAfter(spring)
    expect(afterSpring).toBeGreaterThan(spring)
    expect(afterSpring).toBeLessThanOrEqual(Date.parse('2026-10-25T01:00:00Z') / 1000)
    expect(new ZoneOffsets('UTC').offsetChangeAfter(YEAR_2026)).toBeGreaterThan(YEAR_2026)
  })

  test('zoneOffsets: one formatter per zone, however many CronJobs use it', () => {
    const formatters = vi.spyOn(Intl, 'DateTimeFormat')
    const first = zoneOffsets('Asia/Kolkata')
    expect(zoneOffsets('Asia/Kolkata')).toBe(first)
    expect(first.offsetAt(YEAR_2026)).toBe(19_800)
    expect(formatters).toHaveBeenCalledTimes(1)
  })
})
