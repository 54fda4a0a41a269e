// Builders for the rollout domain tests: a stable Deployment, its canary, and a release state.
import type {Deployment, PodTemplateSpec} from '../rollout-objects.js'
import type {ReleaseState} from '../release-state.js'
import {templateHash} from '../template-hash.js'

export const T0 = new Date('2026-11-24T10:00:00.000Z')

export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000)
}

export const STABLE_TEMPLATE: PodTemplateSpec = {
  metadata: {labels: {app: 'web'}},
  spec: {containers: [{name: 'web', image: 'web:1'}]},
}

export const CANARY_TEMPLATE: PodTemplateSpec = {
  metadata: {labels: {app: 'web', 'kubeline.dev/track': 'canary'}},
  spec: {containers: [{name: 'web', image: 'web:2'}]},
}

export function deployment(name: string, replicas: number, available = replicas, overrides: Partial<Deployment['spec']> = {}): Deployment {
  return {
    metadata: {name, namespace: 'shop', generation: 1, resourceVersion: '1', ...(name.endsWith('-canary') ? {annotations: canaryAnnotations(name)} : {})},
    spec: {
      replicas,
      selector: {matchLabels: {app: 'web'}},
      template: name.endsWith('-canary') ? CANARY_TEMPLATE : STABLE_TEMPLATE,
      strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}},
      ...overrides,
    },
    status: {replicas, readyReplicas: available, availableReplicas: available, updatedReplicas: replicas, observedGeneration: 1},
  }
}

/** What the release writes on the canary it creates (canary-deployment.ts), so that it counts as this release's. */
function canaryAnnotations(name: string): Record<string, string> {
  return {'kubeline.dev/canary-of': name.slice(0, -'-canary'.length), 'kubeline.dev/canary-template-hash': templateHash(CANARY_TEMPLATE)}
}

export function releaseState(overrides: Partial<ReleaseState> = {}): ReleaseState {
  return {
    version: 1,
    traffic: 'replicas',
    steps: [10, 50, 100],
    stepIndex: 0,
    stage: 'scale',
    stepStartedAt: T0,
    desiredWeight: 10,
    pause: {kind: 'duration', ms: 60_000},
    userPaused: false,
    originalReplicas: 10,
    canaryName: 'web-canary',
    canaryTemplate: CANARY_TEMPLATE,
    canaryTemplateHash: templateHash(CANARY_TEMPLATE),
    phase: 'Progressing',
    message: '',
    analysisFailures: 0,
    promotionApplied: false,
    lastChange: {at: T0, by: 'alice@laptop', what: 'start'},
    ...overrides,
  }
}
