import {describe, expect, test} from 'vitest'
import {Quantity} from './quantity.js'
import type {QuantityFormat} from './quantity-format.js'
import {decQuantity} from './test-support/upstream-quantity.js'

// Transcribed from TestQuantityString, kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go:
// decQuantity(mantissa, exponent, format) prints `expect`; `alternate` parses to the same canonical string.
const upstreamStringTable: [mantissa: bigint, exponent: number, format: QuantityFormat, expect: string, alternate: string][] = [
  [1024n * 1024n * 1024n, 0, 'BinarySI', '1Gi', '1024Mi'],
  [300n * 1024n * 1024n, 0, 'BinarySI', '300Mi', '307200Ki'],
  [6n * 1024n, 0, 'BinarySI', '6Ki', ''],
  [1001n * 1024n * 1024n * 1024n, 0, 'BinarySI', '1001Gi', '1025024Mi'],
  [1024n * 1024n * 1024n * 1024n, 0, 'BinarySI', '1Ti', '1024Gi'],
  [5n, 0, 'BinarySI', '5', '5000m'],
  [500n, -3, 'BinarySI', '500m', '0.5'],
  [1n, 9, 'DecimalSI', '1G', '1000M'],
  [1000n, 6, 'DecimalSI', '1G', '0.001T'],
  [1000000n, 3, 'DecimalSI', '1G', ''],
  [1000000000n, 0, 'DecimalSI', '1G', ''],
  [1n, -3, 'DecimalSI', '1m', '1000u'],
  [80n, -3, 'DecimalSI', '80m', ''],
  [1080n, -3, 'DecimalSI', '1080m', '1.08'],
  [108n, -2, 'DecimalSI', '1080m', '1080000000n'],
  [10800n, -4, 'DecimalSI', '1080m', ''],
  [300n, 6, 'DecimalSI', '300M', ''],
  [1n, 12, 'DecimalSI', '1T', ''],
  // DecimalSI has no suffix beyond "E": exponent notation instead of dropping the magnitude.
  [1n, 18, 'DecimalSI', '1E', ''],
  [1n, 21, 'DecimalSI', '1e21', '1000E'],
  [5n, 21, 'DecimalSI', '5e21', '5000E'],
  [1n, 24, 'DecimalSI', '1e24', '1000000E'],
  // BinarySI has no suffix beyond "Ei": an exact decimal instead.
  [1n, 70, 'BinarySI', '10e69', ''],
  [2n, 70, 'BinarySI', '20e69', ''],
  [1n, 72, 'BinarySI', '1e72', ''],
  [1234567n, 6, 'DecimalSI', '1234567M', ''],
  [1234567n, -3, 'BinarySI', '1234567m', ''],
  [3n, 3, 'DecimalSI', '3k', ''],
  [1025n, 0, 'BinarySI', '1025', ''],
  [0n, 0, 'DecimalSI', '0', ''],
  [0n, 0, 'BinarySI', '0', ''],
  [1n, 9, 'DecimalExponent', '1e9', '.001e12'],
  [1n, -3, 'DecimalExponent', '1e-3', '0.001e0'],
  [1n, -9, 'DecimalExponent', '1e-9', '1000e-12'],
  [80n, -3, 'DecimalExponent', '80e-3', ''],
  [300n, 6, 'DecimalExponent', '300e6', ''],
  [1n, 12, 'DecimalExponent', '1e12', ''],
  [1n, 3, 'DecimalExponent', '1e3', ''],
  [3n, 3, 'DecimalExponent', '3e3', ''],
  [3n, 3, 'DecimalSI', '3k', ''],
  [0n, 0, 'DecimalExponent', '0', '00'],
  [1n, -9, 'DecimalSI', '1n', ''],
  [80n, -9, 'DecimalSI', '80n', ''],
  [1080n, -9, 'DecimalSI', '1080n', ''],
  [108n, -8, 'DecimalSI', '1080n', ''],
  [10800n, -10, 'DecimalSI', '1080n', ''],
  [1n, -6, 'DecimalSI', '1u', ''],
  [80n, -6, 'DecimalSI', '80u', ''],
  [1080n, -6, 'DecimalSI', '1080u', ''],
]

describe('TestQuantityString (upstream)', () => {
  test.each(upstreamStringTable)('%s e%s %s prints %s', (mantissa, exponent, format, expected) => {
    expect(decQuantity(mantissa, exponent, format).toString()).toBe(expected)
    expect(Quantity.parse(expected).toString()).toBe(expected)
  })
  test.each(upstreamStringTable.filter((row) => row[4] !== ''))(
    '%s e%s %s: alternate %5$s prints %4$s',
    (_mantissa, _exponent, _format, expected, alternate) => {
      expect(Quantity.parse(alternate).toString()).toBe(expected)
    },
  )
  test.each(upstreamStringTable.filter((row) => row[0] !== 0n))(
    'negated %s e%s %s prints -%s, never "-0"',
    (mantissa, exponent, format, expected) => {
      expect(decQuantity(mantissa, exponent, format).neg().toString()).toBe(`-${expected}`)
    },
  )
})

// Transcribed from TestQuantityParseEmit, run again with "-" prepended as upstream does.
const upstreamParseEmitTable: [input: string, expected: string][] = [
  ['1Ki', '1Ki'],
  ['1Mi', '1Mi'],
  ['1Gi', '1Gi'],
  ['1024Mi', '1Gi'],
  ['1000M', '1G'],
  ['.001Ki', '1024m'],
  ['.000001Ki', '1024u'],
  ['.000000001Ki', '1024n'],
  ['.000000000001Ki', '2n'],
]

describe('TestQuantityParseEmit (upstream)', () => {
  test.each(upstreamParseEmitTable)('%s → %s', (input, expected) => {
    expect(Quantity.parse(input).toString()).toBe(expected)
    expect(Quantity.parse(`-${input}`).toString()).toBe(`-${expected}`)
  })
})

// The canonical examples of the brief and of quota.md §4, plus spellings upstream's String() would echo
// verbatim from its parse cache (#141166) that we print canonically.
test.each([
  ['1.5', '1500m'],
  ['1.5Gi', '1536Mi'],
  ['0.1Gi', '107374182400m'],
  ['1000m', '1'],
  ['1e3', '1e3'],
  ['1024Ki', '1Mi'],
  ['0.5Mi', '512Ki'],
  ['100.035k', '100035'],
  ['1.1Ki', '1126400m'],
  ['2048Ki', '2Mi'],
  ['1536', '1536'],
  ['-1024', '-1024'],
  ['-1024Ki', '-1Mi'],
  ['1023Ki', '1023Ki'],
  ['+1', '1'],
  ['01', '1'],
  ['5.', '5'],
  ['1E3', '1e3'],
  ['1e+21', '1e21'],
  ['1e0', '1'],
  ['123e0', '123'],
  ['-0', '0'],
  ['0Ki', '0'],
  ['1e1000', '10e999'],
  ['18446744073709551616', '18446744073709551616'],
  ['9Ei', '9223372036854775807'],
])('%s prints %s', (input, expected) => {
  expect(Quantity.parse(input).toString()).toBe(expected)
  expect(JSON.stringify({q: Quantity.parse(input)})).toBe(`{"q":"${expected}"}`)
})

// TestBinarySIZeroExponentString
test.each([
  [2000n, '2000'],
  [-2000n, '-2000'],
])('BinarySI %s has no suffix: %s', (units, expected) => {
  expect(Quantity.fromInteger(units, 'BinarySI').toString()).toBe(expected)
})

// TestBinarySIPastEiArithmeticRoundTrip and TestZeroSubMostNegativeInheritsFormat
test('BinarySI grown past Ei prints its exact digits and round-trips', () => {
  const twoTo70 = Quantity.parse('1Ei').mul(1024n)
  expect(twoTo70.toString()).toBe('1180591620717411303424')
  expect(Quantity.parse(twoTo70.toString()).equals(twoTo70)).toBe(true)
  expect(Quantity.zero().sub(Quantity.fromInteger(-(2n ** 63n), 'BinarySI')).toString()).toBe('8Ei')
})

// TestMilliNewSet, TestNewSet, TestNewScaledSet
test.each([
  [Quantity.fromMillis(1n), '1m'],
  [Quantity.fromMillis(1000n), '1'],
  [Quantity.fromMillis(1234000n), '1234'],
  [Quantity.fromMillis(1024n, 'BinarySI'), '1024m'],
  [Quantity.fromMillis(1000000n, 'DecimalExponent'), '1e3'],
  [Quantity.fromMillis(1024n * 1024n, 'BinarySI'), '1048576m'],
  [Quantity.fromInteger(1n), '1'],
  [Quantity.fromInteger(1000n), '1k'],
  [Quantity.fromInteger(1234000n), '1234k'],
  [Quantity.fromInteger(1024n, 'BinarySI'), '1Ki'],
  [Quantity.fromInteger(1000000n, 'DecimalExponent'), '1e6'],
  [Quantity.fromInteger(1024n * 1024n, 'BinarySI'), '1Mi'],
  [Quantity.fromNanos(1n), '1n'],
  [Quantity.fromNanos(1000n), '1u'],
  [Quantity.fromNanos(1000000n), '1m'],
  [Quantity.fromNanos(0n), '0'],
  [Quantity.zero('BinarySI'), '0'],
])('%s', (quantity, expected) => {
  expect(quantity.toString()).toBe(expected)
})
