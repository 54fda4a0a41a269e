import {expect, test} from 'vitest'
import {binarySiSuffix, decimalSiSuffix, interpretSuffix} from './suffix.js'

// TestInterpretExponentInt32Bounds, kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go
test.each([
  ['e14', 14],
  ['E2147483647', 2147483647],
  ['E-2147483647', -2147483647],
  ['E2147483648', undefined],
  ['E-2147483648', undefined],
  ['E4294967297', undefined],
  ['E8589934592', undefined],
  ['E9223372036854775807', undefined],
  ['E9223372036854775808', undefined],
  ['E6024865272343', undefined],
  ['e+21', 21],
  ['e03', 3],
  ['e', undefined],
  ['e-', undefined],
  ['e1_000', undefined],
])('interpretSuffix(%s) has exponent %s', (suffix, exponent) => {
  const expected = exponent === undefined ? undefined : {base: 10, exponent, format: 'DecimalExponent'}
  expect(interpretSuffix(suffix)).toEqual(expected)
})

test.each([
  ['', 10, 0, 'DecimalSI'],
  ['n', 10, -9, 'DecimalSI'],
  ['u', 10, -6, 'DecimalSI'],
  ['m', 10, -3, 'DecimalSI'],
  ['k', 10, 3, 'DecimalSI'],
  ['M', 10, 6, 'DecimalSI'],
  ['G', 10, 9, 'DecimalSI'],
  ['T', 10, 12, 'DecimalSI'],
  ['P', 10, 15, 'DecimalSI'],
  ['E', 10, 18, 'DecimalSI'],
  ['Ki', 2, 10, 'BinarySI'],
  ['Mi', 2, 20, 'BinarySI'],
  ['Gi', 2, 30, 'BinarySI'],
  ['Ti', 2, 40, 'BinarySI'],
  ['Pi', 2, 50, 'BinarySI'],
  ['Ei', 2, 60, 'BinarySI'],
])('suffix %j is %i^%i, %s', (suffix, base, exponent, format) => {
  expect(interpretSuffix(suffix)).toEqual({base, exponent, format})
})

test.each(['K', 'KB', 'Kb', 'kb', 'ki', 'mi', 'i', 'Mb', 'KiB'])('%s is not a suffix', (suffix) => {
  expect(interpretSuffix(suffix)).toBeUndefined()
})

test('suffixes for printing stop at E and Ei', () => {
  expect([-9, 0, 3, 18, 21].map(decimalSiSuffix)).toEqual(['n', '', 'k', 'E', undefined])
  expect([0, 1, 6, 7].map(binarySiSuffix)).toEqual(['', 'Ki', 'Ei', undefined])
})
