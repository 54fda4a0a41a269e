import {describe, expect, test} from 'vitest'
import {UsageError} from '../errors/kubeline-error.js'
import {parseQuantity} from './parse-quantity.js'
import type {QuantityFormat} from './quantity-format.js'
import {decimalNanos, MOST_POSITIVE} from './test-support/upstream-quantity.js'

type Row = [input: string, mantissa: bigint, exponent: number, format: QuantityFormat]

// Transcribed from TestQuantityParse, kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go:
// input → decQuantity(mantissa, exponent, format).
const upstreamParseTable: Row[] = [
  ['0', 0n, 0, 'DecimalSI'],
  ['0n', 0n, 0, 'DecimalSI'],
  ['0u', 0n, 0, 'DecimalSI'],
  ['0m', 0n, 0, 'DecimalSI'],
  ['0Ki', 0n, 0, 'BinarySI'],
  ['0k', 0n, 0, 'DecimalSI'],
  ['0Mi', 0n, 0, 'BinarySI'],
  ['0M', 0n, 0, 'DecimalSI'],
  ['0Gi', 0n, 0, 'BinarySI'],
  ['0G', 0n, 0, 'DecimalSI'],
  ['0Ti', 0n, 0, 'BinarySI'],
  ['0T', 0n, 0, 'DecimalSI'],
  // Quantity less numbers are allowed
  ['1', 1n, 0, 'DecimalSI'],
  // Binary suffixes
  ['1Ki', 1024n, 0, 'BinarySI'],
  ['8Ki', 8n * 1024n, 0, 'BinarySI'],
  ['7Mi', 7n * 1024n ** 2n, 0, 'BinarySI'],
  ['6Gi', 6n * 1024n ** 3n, 0, 'BinarySI'],
  ['5Ti', 5n * 1024n ** 4n, 0, 'BinarySI'],
  ['4Pi', 4n * 1024n ** 5n, 0, 'BinarySI'],
  ['3Ei', 3n * 1024n ** 6n, 0, 'BinarySI'],
  ['10Ti', 10n * 1024n ** 4n, 0, 'BinarySI'],
  ['100Ti', 100n * 1024n ** 4n, 0, 'BinarySI'],
  // Decimal suffixes
  ['5n', 5n, -9, 'DecimalSI'],
  ['4u', 4n, -6, 'DecimalSI'],
  ['3m', 3n, -3, 'DecimalSI'],
  ['9', 9n, 0, 'DecimalSI'],
  ['8k', 8n, 3, 'DecimalSI'],
  ['50k', 5n, 4, 'DecimalSI'],
  ['7M', 7n, 6, 'DecimalSI'],
  ['6G', 6n, 9, 'DecimalSI'],
  ['5T', 5n, 12, 'DecimalSI'],
  ['40T', 4n, 13, 'DecimalSI'],
  ['300T', 3n, 14, 'DecimalSI'],
  ['2P', 2n, 15, 'DecimalSI'],
  ['1E', 1n, 18, 'DecimalSI'],
  // Decimal exponents
  ['1E-3', 1n, -3, 'DecimalExponent'],
  ['1e3', 1n, 3, 'DecimalExponent'],
  ['1E6', 1n, 6, 'DecimalExponent'],
  ['1e9', 1n, 9, 'DecimalExponent'],
  ['1E12', 1n, 12, 'DecimalExponent'],
  ['1e15', 1n, 15, 'DecimalExponent'],
  ['1E18', 1n, 18, 'DecimalExponent'],
  // Nonstandard but still parsable
  ['1e14', 1n, 14, 'DecimalExponent'],
  ['1e13', 1n, 13, 'DecimalExponent'],
  ['100.035k', 100035n, 0, 'DecimalSI'],
  // Things that look like floating point
  ['0.001', 1n, -3, 'DecimalSI'],
  ['0.0005k', 5n, -1, 'DecimalSI'],
  ['0.005', 5n, -3, 'DecimalSI'],
  ['0.05', 5n, -2, 'DecimalSI'],
  ['0.5', 5n, -1, 'DecimalSI'],
  ['0.00050k', 5n, -1, 'DecimalSI'],
  ['0.00500', 5n, -3, 'DecimalSI'],
  ['0.05000', 5n, -2, 'DecimalSI'],
  ['0.50000', 5n, -1, 'DecimalSI'],
  ['0.5e0', 5n, -1, 'DecimalExponent'],
  ['0.5e-1', 5n, -2, 'DecimalExponent'],
  ['0.5e-2', 5n, -3, 'DecimalExponent'],
  ['10.035M', 10035n, 3, 'DecimalSI'],
  ['1.2e3', 12n, 2, 'DecimalExponent'],
  ['1.3E+6', 13n, 5, 'DecimalExponent'],
  ['1.40e9', 14n, 8, 'DecimalExponent'],
  ['1.53E12', 153n, 10, 'DecimalExponent'],
  ['1.6e15', 16n, 14, 'DecimalExponent'],
  ['1.7E18', 17n, 17, 'DecimalExponent'],
  ['9.01', 901n, -2, 'DecimalSI'],
  ['8.1k', 81n, 2, 'DecimalSI'],
  ['7.123456M', 7123456n, 0, 'DecimalSI'],
  ['6.987654321G', 6987654321n, 0, 'DecimalSI'],
  ['5.444T', 5444n, 9, 'DecimalSI'],
  ['40.1T', 401n, 11, 'DecimalSI'],
  ['300.2T', 3002n, 11, 'DecimalSI'],
  ['2.5P', 25n, 14, 'DecimalSI'],
  ['1.01E', 101n, 16, 'DecimalSI'],
  // Things that saturate/round
  ['3.001n', 4n, -9, 'DecimalSI'],
  ['1.1E-9', 2n, -9, 'DecimalExponent'],
  ['0.0000000001', 1n, -9, 'DecimalSI'],
  ['0.0000000005', 1n, -9, 'DecimalSI'],
  ['0.00000000050', 1n, -9, 'DecimalSI'],
  ['0.5e-9', 1n, -9, 'DecimalExponent'],
  ['0.9n', 1n, -9, 'DecimalSI'],
  ['0.00000012345', 124n, -9, 'DecimalSI'],
  ['0.00000012354', 124n, -9, 'DecimalSI'],
  ['9Ei', MOST_POSITIVE, 0, 'BinarySI'],
  ['9223372036854775807Ki', MOST_POSITIVE, 0, 'BinarySI'],
  ['12E', 12n, 18, 'DecimalSI'],
  // We'll accept fractional binary stuff, too.
  ['100.035Ki', 10243584n, -2, 'BinarySI'],
  ['0.5Mi', 524288n, 0, 'BinarySI'],
  ['0.05Gi', 536870912n, -1, 'BinarySI'],
  ['0.025Ti', 274877906944n, -1, 'BinarySI'],
  // Things written by trolls
  ['0.000000000001Ki', 2n, -9, 'DecimalSI'], // rounds up, changes format
  ['.001', 1n, -3, 'DecimalSI'],
  ['.0001k', 100n, -3, 'DecimalSI'],
  ['1.', 1n, 0, 'DecimalSI'],
  ['1.G', 1n, 9, 'DecimalSI'],
]

// Upstream runs every row again with "-" and "+" prepended.
describe('TestQuantityParse (upstream)', () => {
  test.each(upstreamParseTable)('%s', (input, mantissa, exponent, format) => {
    expect(parseQuantity(input)).toEqual({nanos: decimalNanos(mantissa, exponent), format})
  })
  test.each(upstreamParseTable)('-%s is the negation', (input, mantissa, exponent, format) => {
    expect(parseQuantity(`-${input}`)).toEqual({nanos: -decimalNanos(mantissa, exponent), format})
  })
  test.each(upstreamParseTable)('+%s is the same', (input, mantissa, exponent, format) => {
    expect(parseQuantity(`+${input}`)).toEqual({nanos: decimalNanos(mantissa, exponent), format})
  })
})

// From TestNegativeValueRoundsAwayFromZero and testdata/quantity_decode_corpus.json (v1.37.0 decodes):
// edge cases of the number scanner, huge exponents and digit-less numbers.
const edgeCases: Row[] = [
  ['-.484785E-7466', -1n, -9, 'DecimalExponent'],
  ['.484785E-7466', 1n, -9, 'DecimalExponent'],
  ['-.484785E-1', -484785n, -7, 'DecimalExponent'],
  ['-9.5000000001Gi', -10200547328107374183n, -9, 'BinarySI'], // exactly -10200547328.1073741824, rounded away from zero
  ['01', 1n, 0, 'DecimalSI'],
  ['01Ki', 1024n, 0, 'BinarySI'],
  ['7Ei', 8070450532247928832n, 0, 'BinarySI'],
  ['5Ki', 512n, 1, 'BinarySI'],
  ['1e+21', 1n, 21, 'DecimalExponent'],
  ['1e03', 1n, 3, 'DecimalExponent'],
  ['1e-1000', 1n, -9, 'DecimalExponent'],
  ['5e-330', 1n, -9, 'DecimalExponent'],
  ['5e-10', 1n, -9, 'DecimalExponent'],
  ['1e-2147483647', 1n, -9, 'DecimalExponent'],
  ['1e1000', 1n, 1000, 'DecimalExponent'],
  ['0e2147483647', 0n, 0, 'DecimalExponent'],
  ['0.0e-2147483647', 0n, 0, 'DecimalExponent'],
  // A number without digits is zero wherever upstream's int64 fast path reads it as "0".
  ['.', 0n, 0, 'DecimalSI'],
  ['+', 0n, 0, 'DecimalSI'],
  ['m', 0n, 0, 'DecimalSI'],
  ['E', 0n, 0, 'DecimalSI'],
  ['Ki', 0n, 0, 'BinarySI'],
  ['Ti', 0n, 0, 'BinarySI'],
  ['.E3', 0n, 0, 'DecimalExponent'],
  ['e-9', 0n, 0, 'DecimalExponent'],
  ['e1000', 0n, 0, 'DecimalExponent'],
  ['-0', 0n, 0, 'DecimalSI'],
  ['0Ei', 0n, 0, 'BinarySI'],
]

test.each(edgeCases)('edge case %s', (input, mantissa, exponent, format) => {
  expect(parseQuantity(input)).toEqual({nanos: decimalNanos(mantissa, exponent), format})
})

test('a BinarySI value past 2^63-1 is capped, with either sign (upstream maxAllowed)', () => {
  expect(parseQuantity('8Ei').nanos).toBe(decimalNanos(MOST_POSITIVE, 0))
  expect(parseQuantity('-100Ei').nanos).toBe(-decimalNanos(MOST_POSITIVE, 0))
  // Decimal quantities are not capped: upstream keeps 2^64 exactly.
  expect(parseQuantity('18446744073709551616').nanos).toBe(decimalNanos(18446744073709551616n, 0))
})

// The invalid list of TestQuantityParse, then the corpus's errors and the exponent bound of
// TestInterpretExponentInt32Bounds (|exponent| ≤ 2^31-1).
const invalidInputs = [
  '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', '1e4294967297', ' 1', '1 ', '',
  'Pi', 'Ei', '.Pi', 'e-10', '.e-19', 'e-1000', 'e2147483648', '1e2147483648', '1e-2147483648', '1E9223372036854775807',
  '1K', '1KiB', '1Mb', '1mi', '1e', '1k1', '1.5.', '--1', '12x',
]

test.each(invalidInputs)('rejects %j with INVALID_QUANTITY', (input) => {
  expect(() => parseQuantity(input)).toThrow(
    expect.objectContaining({code: 'INVALID_QUANTITY', message: expect.stringContaining(`invalid quantity ${JSON.stringify(input)}: `)}),
  )
})

test.each([
  ['12x', 'unknown suffix "x"'],
  ['1KiB', 'unknown suffix "KiB"'],
  ['1 ', 'whitespace is not allowed'],
  ['', 'empty string'],
  ['Pi', 'no digits'],
  ['--1', 'expected a number with an optional suffix'],
  ['1e20000', 'more than 10000 integer digits'],
])('%j is rejected because of: %s', (input, reason) => {
  let caught: unknown
  try {
    parseQuantity(input)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(UsageError)
  expect((caught as UsageError).exitCode).toBe(2)
  expect((caught as UsageError).message).toContain(`invalid quantity ${JSON.stringify(input)}: ${reason}`)
})
