import {expect, test} from 'vitest'
import {parseGoDuration} from './every-duration.js'

// go/src/time/time_test.go parseDurationTests and parseDurationErrorTests (values in nanoseconds).
test.each([
  ['0', 0n], ['5s', 5_000_000_000n], ['30s', 30_000_000_000n], ['1478s', 1_478_000_000_000n],
  ['-5s', -5_000_000_000n], ['+5s', 5_000_000_000n], ['-0', 0n], ['+0', 0n],
  ['5.0s', 5_000_000_000n], ['5.6s', 5_600_000_000n], ['5.s', 5_000_000_000n], ['.5s', 500_000_000n],
  ['1.004s', 1_004_000_000n], ['100.00100s', 100_001_000_000n],
  ['10ns', 10n], ['11us', 11_000n], ['12µs', 12_000n], ['12μs', 12_000n], ['13ms', 13_000_000n], ['14s', 14_000_000_000n],
  ['15m', 900_000_000_000n], ['16h', 57_600_000_000_000n],
  ['3h30m', 12_600_000_000_000n], ['10.5s4m', 250_500_000_000n], ['-2m3.4s', -123_400_000_000n],
  ['1h2m3s4ms5us6ns', 3_723_004_005_006n], ['39h9m14.425s', 140_954_425_000_000n],
  ['52763797000ns', 52_763_797_000n], ['0.3333333333333333333h', 1_200_000_000_000n],
  ['9007199254740993ns', 9_007_199_254_740_993n], ['9223372036854775807ns', 9_223_372_036_854_775_807n],
  ['-9223372036854775808ns', -9_223_372_036_854_775_808n], ['0.100000000000000000000h', 360_000_000_000n],
])('%s is %d ns', (text, nanos) => {
  expect(parseGoDuration(text)).toBe(nanos)
})

test.each([
  ['', 'time: invalid duration ""'],
  ['3', 'time: missing unit in duration "3"'],
  ['-', 'time: invalid duration "-"'],
  ['s', 'time: invalid duration "s"'],
  ['.', 'time: invalid duration "."'],
  ['-.', 'time: invalid duration "-."'],
  ['.s', 'time: invalid duration ".s"'],
  ['+.s', 'time: invalid duration "+.s"'],
  ['1d', 'time: unknown unit "d" in duration "1d"'],
  ['\x85\x85', 'time: invalid duration "\\xc2\\x85\\xc2\\x85"'],
  ['9223372036854775810ns', 'time: invalid duration "9223372036854775810ns"'],
  ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
  ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
])('%j is rejected: %s', (text, message) => {
  expect(() => parseGoDuration(text)).toThrow(message)
})
