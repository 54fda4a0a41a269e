import {expect, test} from 'vitest'
import {scanQuantity} from './scan-quantity.js'

// Transcribed from TestParseQuantityString, kubernetes
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go, plus the failing shapes.
test.each([
  ['0.025Ti', false, '0.025', '0', '025', 'Ti'],
  ['1.025Ti', false, '1.025', '1', '025', 'Ti'],
  ['-1.025Ti', true, '-1.025', '1', '025', 'Ti'],
  ['.', false, '.', '0', '', ''],
  ['-.', true, '-.', '0', '', ''],
  ['1E-3', false, '1', '1', '', 'E-3'],
  ['007.50m', false, '007.50', '7', '50', 'm'],
])('%s', (input, negative, numberText, integerDigits, fractionDigits, suffix) => {
  expect(scanQuantity(input)).toEqual({ok: true, scanned: {negative, numberText, integerDigits, fractionDigits, suffix}})
})

test.each([
  ['1.1.M', '.M'],
  ['1+1.0M', '+1.0M'],
  ['12x', 'x'],
  ['1e3.5', 'e3.5'],
])('%s does not scan; the rest after the number is %j', (input, suffix) => {
  expect(scanQuantity(input)).toEqual({ok: false, suffix})
})
