import {describe, expect, test} from 'vitest'
import {canaryDeployment, canaryName, canaryTemplate, isCanaryOf, promotedTemplate, TRACK_LABEL} from './canary-deployment.js'
import type {Deployment, PodTemplateSpec} from './rollout-objects.js'
import {templateHash} from './template-hash.js'

const stable: Deployment = {
  metadata: {name: 'web', namespace: 'shop', labels: {team: 'pay'}, annotations: {'kubeline.dev/rollout-version': '1'}, resourceVersion: '7', generation: 3},
  spec: {
    replicas: 10,
    selector: {matchLabels: {app: 'web'}},
    template: {metadata: {labels: {app: 'web', tier: 'front'}}, spec: {containers: [{name: 'web', image: 'web:1'}]}},
    strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}},
    progressDeadlineSeconds: 300,
    minReadySeconds: 5,
  },
  status: {replicas: 10, availableReplicas: 10},
}
const next: PodTemplateSpec = {metadata: {labels: {app: 'web', tier: 'front'}}, spec: {containers: [{name: 'web', image: 'web:2'}]}}

describe('canaryDeployment', () => {
  const canary = canaryDeployment(stable, next, {serviceSelector: {app: 'web', tier: 'front'}})

  test.each([
    {name: 'is named <stable>-canary in the same namespace', got: () => [canary.metadata.name, canary.metadata.namespace], want: ['web-canary', 'shop']},
    {name: 'starts at 0 replicas', got: () => canary.spec.replicas, want: 0},
    {name: 'selector adds the track label', got: () => canary.spec.selector.matchLabels, want: {app: 'web', [TRACK_LABEL]: 'canary'}},
    {name: 'pods carry the service selector and the track', got: () => canary.spec.template.metadata?.labels, want: {app: 'web', tier: 'front', [TRACK_LABEL]: 'canary'}},
    {name: 'keeps the new image', got: () => canary.spec.template.spec?.containers?.[0]?.image, want: 'web:2'},
    {name: 'copies strategy and timing', got: () => [canary.spec.strategy, canary.spec.progressDeadlineSeconds, canary.spec['minReadySeconds']], want: [{rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}, 300, 5]},
    {name: 'does not copy status, resourceVersion or the release annotations', got: () => [canary.status, canary.metadata.resourceVersion, canary.metadata.annotations?.['kubeline.dev/rollout-version']], want: [undefined, undefined, undefined]},
    {name: 'records its stable and template', got: () => canary.metadata.annotations, want: {'kubeline.dev/canary-of': 'web', 'kubeline.dev/canary-template-hash': templateHash(canary.spec.template)}},
    {name: 'object labels add the track', got: () => canary.metadata.labels, want: {team: 'pay', [TRACK_LABEL]: 'canary'}},
  ])('$name', ({got, want}) => expect(got()).toEqual(want))

  test('the selector matches its own pods but not the stable pods', () => {
    const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v)
    const selector = canary.spec.selector.matchLabels ?? {}
    expect(matches(selector, canary.spec.template.metadata?.labels ?? {})).toBe(true)
    expect(matches(selector, stable.spec.template.metadata?.labels ?? {})).toBe(false)
  })

  test('does not modify the stable Deployment', () => {
    const before = structuredClone(stable)
    canaryDeployment(stable, next)
    expect(stable).toEqual(before)
  })

  // A paused canary Deployment would never create its ReplicaSet: the release would wait for pods until --timeout.
  test('is never paused, even when the stable Deployment is', () => {
    expect(canaryDeployment({...stable, spec: {...stable.spec, paused: true}}, next).spec['paused']).toBeUndefined()
  })

  test('blue/green: green track and name', () => {
    const green = canaryDeployment(stable, next, {track: 'green', replicas: 10})
    expect([green.metadata.name, green.spec.replicas, green.spec.selector.matchLabels?.[TRACK_LABEL]]).toEqual(['web-green', 10, 'green'])
  })
})

describe('canaryTemplate', () => {
  const rows: {name: string; template: PodTemplateSpec; service: Record<string, string>; want: Record<string, string>}[] = [
    {name: 'a -f template without the selector labels gets them', template: {metadata: {labels: {v: '2'}}}, service: {}, want: {v: '2', app: 'web', [TRACK_LABEL]: 'canary'}},
    {name: 'a template without metadata', template: {}, service: {app: 'web'}, want: {app: 'web', [TRACK_LABEL]: 'canary'}},
    {name: 'the service selector overrides a conflicting value', template: {metadata: {labels: {tier: 'x'}}}, service: {tier: 'front'}, want: {tier: 'front', app: 'web', [TRACK_LABEL]: 'canary'}},
    {name: 'a smuggled track label is replaced', template: {metadata: {labels: {[TRACK_LABEL]: 'stable'}}}, service: {}, want: {app: 'web', [TRACK_LABEL]: 'canary'}},
  ]
  test.each(rows)('$name', ({template, service, want}) => expect(canaryTemplate(stable, template, service).metadata?.labels).toEqual(want))
})

describe('promotedTemplate / canaryName / isCanaryOf', () => {
  test('promotion drops the track label and keeps the rest', () => {
    const template = canaryTemplate(stable, next, {app: 'web'})
    expect(promotedTemplate(template)).toEqual({...template, metadata: {labels: {app: 'web', tier: 'front'}}})
  })

  test.each([
    {stable: 'web', want: 'web-canary'},
    {stable: 'a'.repeat(246), want: `${'a'.repeat(246)}-canary`},
  ])('canaryName($stable)', ({stable: name, want}) => expect(canaryName(name)).toBe(want))

  test('canaryName rejects names that would be too long', () => {
    expect(() => canaryName('a'.repeat(247))).toThrow(/would exceed 253 characters/)
  })

  test.each([
    {name: 'ours', annotations: {'kubeline.dev/canary-of': 'web', 'kubeline.dev/canary-template-hash': 'h1'}, want: true},
    {name: 'other template', annotations: {'kubeline.dev/canary-of': 'web', 'kubeline.dev/canary-template-hash': 'h2'}, want: false},
    {name: 'other stable', annotations: {'kubeline.dev/canary-of': 'api', 'kubeline.dev/canary-template-hash': 'h1'}, want: false},
    {name: 'a stranger', annotations: undefined, want: false},
  ])('isCanaryOf: $name', ({annotations, want}) => {
    expect(isCanaryOf({metadata: {name: 'web-canary', annotations}, spec: {selector: {}, template: {}}}, 'web', 'h1')).toBe(want)
  })
})
