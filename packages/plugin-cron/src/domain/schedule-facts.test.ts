import {describe, expect, test} from 'vitest'
import {ScheduleFactsMemo, scheduleFacts} from './schedule-facts.js'

const now = new Date('2026-03-07T12:00:00Z')

describe('scheduleFacts', () => {
  test.each([
    {name: 'UTC by default', schedule: '0 2 * * *', timeZone: undefined, want: {valid: true, nextRun: '2026-03-08T02:00:00Z', dstWarnings: []}},
    {
      name: 'a zone whose DST gap swallows the next run (2026-03-08 02:30 New York): the day after, and a warning',
      schedule: '30 2 * * *',
      timeZone: 'America/New_York',
      want: {valid: true, nextRun: '2026-03-09T06:30:00Z', dstWarnings: [{kind: 'SkippedAtDst', message: expect.stringContaining('2026-03-08T02:30')}]},
    },
    {name: 'never within five years: no next run', schedule: '0 0 30 2 *', timeZone: undefined, want: {valid: true, dstWarnings: []}},
    {name: 'an invalid schedule', schedule: '* * *', timeZone: undefined, want: {valid: false, problem: expect.stringMatching(/^invalid schedule "\* \* \*"/)}},
    {name: 'an invalid zone', schedule: '0 2 * * *', timeZone: 'Mars/Olympus', want: {valid: false, problem: expect.stringContaining('unknown time zone Mars/Olympus')}},
  ])('$name', ({schedule, timeZone, want}) => {
    const facts = scheduleFacts(schedule, timeZone, {now})
    expect(facts).toEqual({...want, ...(want.valid ? {schedule: expect.objectContaining({expression: schedule, timeZone})} : {})})
    if (facts.valid && want.nextRun === undefined) expect(facts).not.toHaveProperty('nextRun')
  })

  test('an invalid controller zone makes every schedule without its own zone invalid', () => {
    const context = {now, controllerTimeZone: 'Nowhere/Land'}
    expect(scheduleFacts('0 2 * * *', undefined, context)).toEqual({valid: false, problem: expect.stringContaining('unknown time zone Nowhere/Land')})
    expect(scheduleFacts('0 2 * * *', 'UTC', context)).toMatchObject({valid: true})
  })
})

describe('ScheduleFactsMemo', () => {
  test('works out each (schedule, zone) pair once and tells pairs apart', () => {
    const memo = new ScheduleFactsMemo({now})
    const first = memo.factsOf('0 2 * * *', 'Europe/Berlin')
    expect(memo.factsOf('0 2 * * *', 'Europe/Berlin')).toBe(first)
    expect(first).toEqual(scheduleFacts('0 2 * * *', 'Europe/Berlin', {now}))
    expect(memo.factsOf('0 2 * * *', undefined)).toMatchObject({nextRun: '2026-03-08T02:00:00Z'})
    expect(memo.factsOf('0 2 * * *', 'Europe/Berlin')).toMatchObject({nextRun: '2026-03-08T01:00:00Z'})
    expect(memo.factsOf('0 3 * * *', 'Europe/Berlin')).toMatchObject({nextRun: '2026-03-08T02:00:00Z'})
    expect(memo.factsOf('bad', undefined)).toBe(memo.factsOf('bad', undefined))
  })
})
