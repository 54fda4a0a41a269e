import {afterEach, describe, expect, test, vi} from 'vitest'
import {checkTimeZone} from './time-zone.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('checkTimeZone', () => {
  test('UTC, the controller default, is accepted without asking Intl', () => {
    const formatters = vi.spyOn(Intl, 'DateTimeFormat')
    expect(() => checkTimeZone('UTC')).not.toThrow()
    expect(formatters).not.toHaveBeenCalled()
  })

  // kubernetes pkg/apis/batch/validation/validation.go validateTimeZone
  test.each([
    {timeZone: 'Europe/Berlin', problem: undefined},
    {timeZone: 'utc', problem: 'unknown time zone utc'},
    {timeZone: 'Local', problem: 'timeZone must be an explicit time zone'},
    {timeZone: '', problem: 'timeZone must be nil or non-empty string'},
    {timeZone: '../etc/passwd', problem: 'unknown time zone ../etc/passwd'},
  ])('$timeZone', ({timeZone, problem}) => {
    if (problem === undefined) expect(() => checkTimeZone(timeZone)).not.toThrow()
    else expect(() => checkTimeZone(timeZone)).toThrow(problem)
  })

  test('a flag is named in the message as the input that was wrong', () => {
    expect(() => checkTimeZone('Mars/Olympus', '--controller-time-zone')).toThrow('invalid --controller-time-zone "Mars/Olympus": unknown time zone Mars/Olympus')
  })
})
