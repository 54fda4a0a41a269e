import {describe, expect, test} from 'vitest'
import {hasFinished} from './finished-pod.js'

describe('hasFinished', () => {
  test.each([
    {phase: 'Succeeded', want: true},
    {phase: 'Failed', want: true},
    {phase: 'Running', want: false},
    {phase: 'Pending', want: false},
    // A pod whose node stopped reporting: it may still run, so it stays.
    {phase: 'Unknown', want: false},
    // Pods from -f usually have no status at all.
    {phase: undefined, want: false},
  ])('phase $phase: $want', ({phase, want}) => {
    expect(hasFinished({metadata: {name: 'p', namespace: 'x'}, ...(phase === undefined ? {} : {status: {phase}})})).toBe(want)
  })
})
