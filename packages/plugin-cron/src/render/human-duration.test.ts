import {expect, test} from 'vitest'
import {humanDuration, relativeTo} from './human-duration.js'

// Cases from k8s.io/apimachinery/pkg/util/duration/duration_test.go TestHumanDuration.
test.each([
  [-2_000, '<invalid>'],
  [-500, '0s'],
  [1_000, '1s'],
  [70_000, '70s'],
  [190_000, '3m10s'],
  [70 * 60_000, '70m'],
  [47 * 60 * 60_000, '47h'],
  [49 * 60 * 60_000, '2d1h'],
  [(8 * 24 + 2) * 3600_000, '8d'],
  [367 * 24 * 3600_000, '367d'],
  [(365 * 2 + 5) * 24 * 3600_000, '2y5d'],
  [(365 * 8 + 5) * 24 * 3600_000, '8y'],
  [5 * 60_000, '5m'],
  [4 * 3600_000, '4h'],
  [(4 * 60 + 30) * 60_000, '4h30m'],
])('%d ms -> %s', (ms, want) => expect(humanDuration(ms)).toBe(want))

test('relativeTo says in or ago', () => {
  const now = new Date('2026-01-01T00:00:00Z')
  expect(relativeTo('2026-01-01T00:05:00Z', now)).toBe('in 5m')
  expect(relativeTo('2025-12-31T22:00:00Z', now)).toBe('120m ago')
  expect(relativeTo(undefined, now)).toBe('<none>')
})
