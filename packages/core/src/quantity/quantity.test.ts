import {describe, expect, test} from 'vitest'
import {Quantity} from './quantity.js'
import {decQuantity, MOST_NEGATIVE, MOST_POSITIVE} from './test-support/upstream-quantity.js'

const q = (text: string): Quantity => Quantity.parse(text)
const zero = Quantity.zero()

// Upstream cases below are transcribed from kubernetes
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go (test names in comments).

// TestQuantityCmp
test.each([
  ['0', '0', 0],
  ['100m', '50m', 1],
  ['50m', '100m', -1],
  ['10000T', '100Gi', 1],
  ['1Gi', '1G', 1],
  ['1Ki', '1024', 0],
  ['-1', '1m', -1],
])('cmp(%s, %s) = %i', (x, y, expected) => {
  expect(q(x).cmp(q(y))).toBe(expected)
  expect(q(y).cmp(q(x))).toBe(-expected || 0)
  expect(q(x).equals(q(y))).toBe(expected === 0)
})

// TestQuantityCmpInt64AndDec, the rows whose values are whole nanos (sub-nano scales cannot be parsed).
describe('TestQuantityCmpInt64AndDec (upstream)', () => {
  test.each([
    [decQuantity(901n, -2, 'DecimalSI'), decQuantity(901n, -2, 'DecimalSI'), 0],
    [decQuantity(90n, -1, 'DecimalSI'), decQuantity(901n, -2, 'DecimalSI'), -1],
    [decQuantity(901n, -2, 'DecimalSI'), decQuantity(900n, -2, 'DecimalSI'), 1],
    [decQuantity(0n, 0, 'DecimalSI'), decQuantity(0n, 0, 'DecimalSI'), 0],
    [decQuantity(0n, 1, 'DecimalSI'), decQuantity(0n, -1, 'DecimalSI'), 0],
    [decQuantity(800n, -3, 'DecimalSI'), decQuantity(1n, 0, 'DecimalSI'), -1],
    [decQuantity(800n, -3, 'DecimalSI'), decQuantity(79n, -2, 'DecimalSI'), 1],
    [decQuantity(MOST_POSITIVE, 0, 'DecimalSI'), decQuantity(1n, -1, 'DecimalSI'), 1],
    [decQuantity(MOST_POSITIVE, 1, 'DecimalSI'), decQuantity(1n, 0, 'DecimalSI'), 1],
    [decQuantity(MOST_POSITIVE, 1, 'DecimalSI'), decQuantity(1n, 1, 'DecimalSI'), 1],
    [decQuantity(MOST_POSITIVE, 1, 'DecimalSI'), decQuantity(0n, 1, 'DecimalSI'), 1],
    [decQuantity(MOST_NEGATIVE, 0, 'DecimalSI'), decQuantity(0n, 0, 'DecimalSI'), -1],
  ])('%s vs %s', (a, b, expected) => {
    expect(a.cmp(b)).toBe(expected)
    expect(b.cmp(a)).toBe(-expected || 0)
  })
})

// TestAdd, TestSub, TestMul: the value, and (our addition) the format of the result.
describe('arithmetic (upstream TestAdd, TestSub, TestMul)', () => {
  test.each([
    [decQuantity(10n, 0, 'DecimalSI'), decQuantity(1n, 1, 'DecimalSI'), decQuantity(20n, 0, 'DecimalSI')],
    [decQuantity(10n, 0, 'DecimalSI'), decQuantity(1n, 0, 'BinarySI'), decQuantity(11n, 0, 'DecimalSI')],
    [decQuantity(10n, 0, 'BinarySI'), decQuantity(1n, 0, 'DecimalSI'), decQuantity(11n, 0, 'BinarySI')],
    [zero, decQuantity(50n, 0, 'DecimalSI'), decQuantity(50n, 0, 'DecimalSI')],
    [decQuantity(50n, 0, 'DecimalSI'), zero, decQuantity(50n, 0, 'DecimalSI')],
    [zero, zero, zero],
    [q('100m'), q('900m'), q('1')],
    [q('1Gi'), q('512Mi'), q('1536Mi')],
  ])('add %s + %s = %s', (a, b, expected) => {
    const sum = a.add(b)
    expect(sum.cmp(expected)).toBe(0)
    expect(sum.format).toBe(expected.format)
  })

  test.each([
    [decQuantity(10n, 0, 'DecimalSI'), decQuantity(1n, 1, 'DecimalSI'), decQuantity(0n, 0, 'DecimalSI')],
    [decQuantity(10n, 0, 'DecimalSI'), decQuantity(1n, 0, 'BinarySI'), decQuantity(9n, 0, 'DecimalSI')],
    [decQuantity(10n, 0, 'BinarySI'), decQuantity(1n, 0, 'DecimalSI'), decQuantity(9n, 0, 'BinarySI')],
    [zero, decQuantity(50n, 0, 'DecimalSI'), decQuantity(-50n, 0, 'DecimalSI')],
    [decQuantity(50n, 0, 'DecimalSI'), zero, decQuantity(50n, 0, 'DecimalSI')],
    [zero, zero, zero],
    // TestNegAndSubAtMostNegative, TestSubMostNegativeCrossScale: no int64 wrap-around.
    [zero, decQuantity(MOST_NEGATIVE, 0, 'DecimalSI'), q('9223372036854775808')],
    [decQuantity(1n, 0, 'DecimalSI'), decQuantity(MOST_NEGATIVE, 0, 'DecimalSI'), q('9223372036854775809')],
    [decQuantity(1n, 1, 'DecimalSI'), decQuantity(MOST_NEGATIVE, 0, 'DecimalSI'), q('9223372036854775818')],
    [decQuantity(1n, -3, 'DecimalSI'), decQuantity(MOST_NEGATIVE, -3, 'DecimalSI'), q('9223372036854775809m')],
  ])('sub %s - %s = %s', (a, b, expected) => {
    const difference = a.sub(b)
    expect(difference.cmp(expected)).toBe(0)
    expect(difference.format).toBe(expected.format)
  })

  test.each([
    [decQuantity(10n, 0, 'DecimalSI'), 10n, decQuantity(100n, 0, 'DecimalSI')],
    [decQuantity(10n, 0, 'DecimalSI'), 1n, decQuantity(10n, 0, 'DecimalSI')],
    [decQuantity(10n, 0, 'BinarySI'), 1n, decQuantity(10n, 0, 'BinarySI')],
    [zero, 50n, zero],
    [decQuantity(50n, 0, 'DecimalSI'), 0n, zero],
    [zero, 0n, zero],
    [decQuantity(10n, 0, 'DecimalSI'), -10n, decQuantity(-100n, 0, 'DecimalSI')],
    [decQuantity(-10n, 0, 'DecimalSI'), 1n, decQuantity(-10n, 0, 'DecimalSI')],
    [decQuantity(10n, 0, 'BinarySI'), -1n, decQuantity(-10n, 0, 'BinarySI')],
    [decQuantity(-50n, 0, 'DecimalSI'), 0n, zero],
    [decQuantity(-50n, 0, 'DecimalSI'), -50n, decQuantity(2500n, 0, 'DecimalSI')],
    [zero, -50n, zero],
    [decQuantity(MOST_POSITIVE, 0, 'DecimalSI'), 0n, zero],
    [decQuantity(MOST_POSITIVE, 0, 'DecimalSI'), 1n, decQuantity(MOST_POSITIVE, 0, 'DecimalSI')],
    [decQuantity(MOST_POSITIVE, 0, 'DecimalSI'), -1n, decQuantity(-MOST_POSITIVE, 0, 'DecimalSI')],
    [decQuantity(MOST_POSITIVE / 2n, 0, 'DecimalSI'), 2n, decQuantity((MOST_POSITIVE / 2n) * 2n, 0, 'DecimalSI')],
    [decQuantity(MOST_POSITIVE, 0, 'DecimalSI'), 2n, decQuantity(MOST_POSITIVE * 2n, 0, 'DecimalSI')],
    [decQuantity(MOST_POSITIVE, 0, 'DecimalSI'), 10n, decQuantity(MOST_POSITIVE, 1, 'DecimalSI')],
    [decQuantity(MOST_POSITIVE, 0, 'DecimalSI'), -10n, decQuantity(-MOST_POSITIVE, 1, 'DecimalSI')],
    [decQuantity(MOST_NEGATIVE, 0, 'DecimalSI'), -1n, decQuantity(MOST_POSITIVE + 1n, 0, 'DecimalSI')],
    [decQuantity(MOST_NEGATIVE, 0, 'DecimalSI'), 2n, decQuantity(MOST_NEGATIVE * 2n, 0, 'DecimalSI')],
    [decQuantity(MOST_NEGATIVE, 0, 'DecimalSI'), -10n, decQuantity(MOST_POSITIVE + 1n, 1, 'DecimalSI')],
    [q('250m'), 3n, q('750m')],
  ])('mul %s × %s = %s', (a, factor, expected) => {
    expect(a.mul(factor).cmp(expected)).toBe(0)
    expect(a.mul(factor).format).toBe(a.format)
  })
})

// TestQuantityAddZeroPreservesSuffix, TestQuantitySubZeroPreservesSuffix
test.each(['100m', '1Gi'])('adding or subtracting zero keeps %s', (text) => {
  expect(q(text).add(q('0')).toString()).toBe(text)
  expect(q('0').add(q(text)).toString()).toBe(text)
  expect(q(text).sub(q('0')).toString()).toBe(text)
  expect(q('0').sub(q(text)).toString()).toBe(`-${text}`)
})

// TestQuantityNeg, TestNeg
test.each([
  [decQuantity(901n, -2, 'DecimalSI'), '-9010m'],
  [decQuantity(10n, 0, 'BinarySI'), '-10'],
  [decQuantity(-10n, 0, 'BinarySI'), '10'],
  [zero, '0'],
  [decQuantity(MOST_NEGATIVE, -3, 'DecimalSI'), '9223372036854775808m'],
])('neg %s = %s, and neg twice is the identity', (a, expected) => {
  expect(a.neg().toString()).toBe(expected)
  expect(a.neg().neg().equals(a)).toBe(true)
})

// TestQuantityRoundUp (scales 0 and -3 are Value and MilliValue), TestNegativeValueRoundsAwayFromZero
describe('value() and milliValue() round away from zero', () => {
  test.each([
    ['9.01', 10n, 9010n],
    ['-9.01', -10n, -9010n],
    ['-.484785E-7466', -1n, -1n],
    ['.484785E-7466', 1n, 1n],
    ['-.484785E-1', -1n, -49n],
    ['.484785E-1', 1n, 49n],
    ['-0.0005', -1n, -1n],
    ['0.0005', 1n, 1n],
    ['-1500m', -2n, -1500n],
    ['1500m', 2n, 1500n],
    ['-9.5000000001Gi', -10200547329n, -10200547328108n],
    ['9.5000000001Gi', 10200547329n, 10200547328108n],
    ['-1', -1n, -1000n],
    ['1', 1n, 1000n],
    ['0', 0n, 0n],
    // TestScaledValue: 1n, 1u, 1m and 1 at scales 0 and milli
    ['1n', 1n, 1n],
    ['1u', 1n, 1n],
    ['1m', 1n, 1n],
    ['1k', 1000n, 1000000n],
    ['100Ti', 109951162777600n, 109951162777600000n],
    // No int64 overflow here, unlike upstream.
    ['10E', 10000000000000000000n, 10000000000000000000000n],
  ])('%s: value %s, milliValue %s', (text, value, milliValue) => {
    expect(q(text).value()).toBe(value)
    expect(q(text).milliValue()).toBe(milliValue)
  })
})

// TestStringQuantityAsApproximateFloat64 and the parseable rows of TestQuantityAsApproximateFloat64
test.each([
  ['2Ki', 2048],
  ['1.1Ki', 1126.4],
  ['1Mi', 1.048576e6],
  ['2Gi', 2.147483648e9],
  ['12E', 1.2e19],
  ['9Ei', 2 ** 63], // 2^63-1 is not a float; its nearest is 2^63
  ['734003.2', 734003.2],
  ['0.07340032', 0.07340032],
  ['-250m', -0.25],
  ['12e500', Infinity],
  ['-12e500', -Infinity],
  ['0', 0],
])('toNumber(%s) = %s', (text, expected) => {
  expect(q(text).toNumber()).toBe(expected)
})

test.each([
  ['500m', '1', 0.5],
  ['1', '500m', 2],
  ['1700m', '2', 0.85],
  ['1Gi', '2Gi', 0.5],
  ['1', '3', 1 / 3],
  ['512Mi', '1Gi', 0.5],
  ['1n', '1e1000', 0],
  ['-1', '4', -0.25],
  ['0', '0', 0],
  ['1', '0', Infinity],
  ['-1m', '0', -Infinity],
])('ratio(%s, %s) = %s', (a, b, expected) => {
  expect(q(a).ratio(q(b))).toBe(expected)
})

test('ratio is exact where rounded values are not (the view-quotas bug)', () => {
  expect(q('1m').ratio(q('3m'))).toBe(1 / 3)
  expect(q('1m').value()).toBe(q('3m').value())
})

test.each([
  ['1', '2', '2'],
  ['2', '1', '2'],
  ['1Gi', '1G', '1Gi'],
  ['-5', '-7', '-5'],
])('max(%s, %s) = %s', (a, b, expected) => {
  expect(Quantity.max(q(a), q(b)).toString()).toBe(expected)
})

test('max returns the first of two equal values, keeping its format', () => {
  expect(Quantity.max(q('1Ki'), q('1024')).format).toBe('BinarySI')
})

test.each([
  ['5m', 1, false],
  ['-5m', -1, false],
  ['0Gi', 0, true],
  ['-0', 0, true],
])('sign(%s) = %i, isZero %s', (text, sign, isZero) => {
  expect(q(text).sign()).toBe(sign)
  expect(q(text).isZero()).toBe(isZero)
})

test('constructors and nanoValue agree', () => {
  expect(Quantity.fromMillis(1500n).equals(q('1.5'))).toBe(true)
  expect(Quantity.fromInteger(3n, 'BinarySI').format).toBe('BinarySI')
  expect(Quantity.fromNanos(q('1.5').nanoValue()).toString()).toBe('1500m')
  expect(Quantity.zero('BinarySI').add(q('1Mi')).format).toBe('BinarySI')
})

test('toEqual sees the value, so tests of consumers cannot pass by accident', () => {
  expect(q('1')).not.toEqual(q('2'))
  expect(q('1500m')).toEqual(q('1.5'))
})
