import {expect, test} from 'vitest'
import {humanDuration} from './human-duration.js'

const s = 1000
const m = 60 * s
const h = 60 * m
const d = 24 * h

// From k8s.io/apimachinery/pkg/util/duration/duration_test.go (TestHumanDuration).
test.each([
  [s, '1s'],
  [70 * s, '70s'],
  [190 * s, '3m10s'],
  [70 * m, '70m'],
  [47 * h, '47h'],
  [49 * h, '2d1h'],
  [(8 * 24 + 2) * h, '8d'],
  [367 * d, '367d'],
  [(365 * 2 + 10) * d, '2y10d'],
  [(365 * 8 + 10) * d, '8y'],
  [-2 * s, '<invalid>'],
  [-500, '0s'],
  [-1500, '0s'],
])('%d ms is %s', (ms, want) => {
  expect(humanDuration(ms)).toBe(want)
})
