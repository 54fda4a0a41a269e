import {describe, expect, test} from 'vitest'
import {activeSelector, activeSide, greenDeployment, scaleDownDue} from './bluegreen.js'
import type {ActiveSide} from './bluegreen.js'
import {at, deployment} from './test-support/release-fixtures.js'

const original = {app: 'web'}

describe('activeSelector / activeSide', () => {
  test.each<{side: ActiveSide; hash?: string; want: Record<string, string>}>([
    {side: 'blue', hash: '5d8f7c9b6', want: {app: 'web', 'pod-template-hash': '5d8f7c9b6'}},
    {side: 'green', want: {app: 'web', 'kubeline.dev/track': 'green'}},
    {side: 'both', want: {app: 'web'}},
  ])('$side', ({side, hash, want}) => {
    const selector = activeSelector(original, side, hash)
    expect(selector).toEqual(want)
    expect(activeSide({metadata: {name: 'web'}, spec: {selector}})).toBe(side)
  })

  test('switching from a pinned selector drops the pin', () => {
    expect(activeSelector({app: 'web', 'pod-template-hash': 'abc'}, 'green')).toEqual({app: 'web', 'kubeline.dev/track': 'green'})
    expect(activeSelector({app: 'web', 'kubeline.dev/track': 'green'}, 'blue', 'def')).toEqual({app: 'web', 'pod-template-hash': 'def'})
  })

  test('blue needs the stable pod-template-hash', () => {
    expect(() => activeSelector(original, 'blue')).toThrow(/no pod-template-hash/)
  })
})

describe('greenDeployment', () => {
  test('full size, green track, selector apart from stable', () => {
    const green = greenDeployment(deployment('web', 6), {spec: {containers: [{name: 'web', image: 'web:2'}]}}, original)
    expect(green.metadata.name).toBe('web-green')
    expect(green.spec.replicas).toBe(6)
    expect(green.spec.selector.matchLabels).toEqual({app: 'web', 'kubeline.dev/track': 'green'})
    expect(green.spec.template.metadata?.labels).toEqual({app: 'web', 'kubeline.dev/track': 'green'})
  })
})

describe('scaleDownDue', () => {
  test.each([
    {now: 29, want: false},
    {now: 30, want: true},
    {now: 31, want: true},
  ])('30 s delay, $now s after the switch: $want', ({now, want}) => expect(scaleDownDue(at(0), 30_000, at(now))).toBe(want))
})
