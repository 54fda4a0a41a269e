import {expect, test} from 'vitest'
import {compareCodeUnits} from './compare-code-units.js'

test.each([
  {names: ['zz-report', 'aa-backup', 'ab-sync'], sorted: ['aa-backup', 'ab-sync', 'zz-report']},
  {names: ['yz', 'ja', 'ia'], sorted: ['ia', 'ja', 'yz']},
  // DNS-1123 characters: '-' < '.' < digits < letters, as in kubectl's (the API server's) order.
  {names: ['web', 'web.v2', 'web-2', 'web2', 'we'], sorted: ['we', 'web', 'web-2', 'web.v2', 'web2']},
  {names: ['b', 'B', 'a', 'A'], sorted: ['A', 'B', 'a', 'b']},
  {names: ['2026-11-24T10:00:00Z', '2026-11-24T09:59:59Z', '2026-01-01T00:00:00Z'], sorted: ['2026-01-01T00:00:00Z', '2026-11-24T09:59:59Z', '2026-11-24T10:00:00Z']},
])('$names -> $sorted', ({names, sorted}) => {
  expect([...names].sort(compareCodeUnits)).toEqual(sorted)
})

test('equal strings compare 0, and the order is antisymmetric', () => {
  expect(compareCodeUnits('payments', 'payments')).toBe(0)
  expect(compareCodeUnits('a', 'b')).toBe(-1)
  expect(compareCodeUnits('b', 'a')).toBe(1)
})
