import {describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import {parseGoDuration, parseNonNegativeDuration, parseRequestTimeout} from './parse-duration.js'

// Cases from Go's time.ParseDuration tests (src/time/time_test.go parseDurationTests), in ms.
describe('parseGoDuration', () => {
  test.each([
    ['0', 0],
    ['5s', 5000],
    ['30s', 30_000],
    ['1478s', 1_478_000],
    ['-5s', -5000],
    ['+5s', 5000],
    ['-0', 0],
    ['+0', 0],
    ['5.0s', 5000],
    ['5.6s', 5600],
    ['5.s', 5000],
    ['.5s', 500],
    ['1.0s', 1000],
    ['1.00s', 1000],
    ['1.004s', 1004],
    ['100.00100s', 100_001],
    ['10ns', 1e-5],
    ['11us', 0.011],
    ['12µs', 0.012],
    ['12μs', 0.012],
    ['13ms', 13],
    ['14s', 14_000],
    ['15m', 900_000],
    ['16h', 57_600_000],
    ['3h30m', 12_600_000],
    ['10.5s4m', 250_500],
    ['-2m3.4s', -123_400],
    ['1h2m3s4ms5us6ns', 3_723_004.005006],
    ['39h9m14.425s', 140_954_425],
  ])('%s = %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 9)
  })

  test.each([
    ['', 'empty duration'],
    ['3', 'missing unit'],
    ['-', 'empty duration'],
    ['s', 'expected a number'],
    ['.', 'expected a number'],
    ['-.', 'expected a number'],
    ['.s', 'expected a number'],
    ['+.s', 'expected a number'],
    ['1d', 'unknown unit "d"'],
    ['3000000h ', 'unknown unit "h "'],
    ['5sec', 'unknown unit "sec"'],
  ])('rejects %j (%s)', (text, reason) => {
    expect(() => parseGoDuration(text, '--timeout')).toThrow(reason)
    try {
      parseGoDuration(text, '--timeout')
    } catch (err) {
      expect(err).toBeInstanceOf(KubelineError)
      expect((err as KubelineError).code).toBe('INVALID_DURATION')
      expect((err as KubelineError).message).toContain('--timeout')
    }
  })
})

// client-go clientcmd ParseTimeout: integers are seconds.
describe('parseRequestTimeout', () => {
  test.each([
    ['0', 0],
    ['5', 5000],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['250ms', 250],
  ])('%s = %d ms', (text, ms) => expect(parseRequestTimeout(text)).toBe(ms))

  test.each(['-5s', 'abc', '1x', '-1'])('rejects %s', (text) => {
    expect(() => parseRequestTimeout(text)).toThrow(/--request-timeout/)
  })
})

describe('parseNonNegativeDuration', () => {
  test('accepts 0 and positive values, names the flag on error', () => {
    expect(parseNonNegativeDuration('0', '--pause')).toBe(0)
    expect(parseNonNegativeDuration('90s', '--pause')).toBe(90_000)
    expect(() => parseNonNegativeDuration('-1s', '--pause')).toThrow('invalid --pause "-1s": must not be negative')
  })
})
