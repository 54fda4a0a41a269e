import {UsageError} from '@kubeline/core'
import type {Deployment, ObjectMetadata, PodTemplateSpec} from './rollout-objects.js'
import {templateHash} from './template-hash.js'

/** The pod label that tells canary pods apart; stable pods never carry it. */
export const TRACK_LABEL = 'kubeline.dev/track'
export const CANARY_TRACK = 'canary'
/** On the canary Deployment: which stable Deployment it belongs to, and which template it was made from. */
export const CANARY_OF_ANNOTATION = 'kubeline.dev/canary-of'
export const CANARY_TEMPLATE_HASH_ANNOTATION = 'kubeline.dev/canary-template-hash'

const MAX_NAME_LENGTH = 253

export function canaryName(stableName: string, suffix = 'canary'): string {
  const name = `${stableName}-${suffix}`
  if (name.length > MAX_NAME_LENGTH) {
    throw new UsageError('INVALID_ARGUMENT', `invalid Deployment name "${stableName}": "${name}" would exceed ${MAX_NAME_LENGTH} characters`)
  }
  return name
}

/**
 * The canary's pod template: the new template whose pods carry the labels the stable selector and the
 * Service select (so the Service sends them traffic and promotion stays valid for the stable selector)
 * plus `kubeline.dev/track: canary`. Those labels win over the new template's own values for the same keys.
 */
export function canaryTemplate(stable: Deployment, newTemplate: PodTemplateSpec, serviceSelector: Record<string, string> = {}, track = CANARY_TRACK): PodTemplateSpec {
  return {
    ...newTemplate,
    metadata: {
      ...newTemplate.metadata,
      labels: {...newTemplate.metadata?.labels, ...stable.spec.selector.matchLabels, ...serviceSelector, [TRACK_LABEL]: track},
    },
  }
}

export interface CanaryDeploymentOptions {
  /** The selector of the Service in front of the stable Deployment. */
  serviceSelector?: Record<string, string>
  replicas?: number
  /** `canary` (default) or, for blue/green, `green`. */
  track?: string
}

/**
 * The canary Deployment, `<stable>-canary`: the stable's spec (strategy, minReadySeconds, progress
 * deadline...) with the canary template, 0 replicas until the plan scales it, and a selector that adds
 * the track label. Without it the canary's selector would also match stable pods; with it the two
 * Deployments' ReplicaSets never claim each other's pods (the stable's own ReplicaSets are kept apart
 * by pod-template-hash, which differs because the canary template carries the track label).
 */
export function canaryDeployment(stable: Deployment, newTemplate: PodTemplateSpec, options: CanaryDeploymentOptions = {}): Deployment {
  const track = options.track ?? CANARY_TRACK
  const template = canaryTemplate(stable, newTemplate, options.serviceSelector, track)
  // Never paused: a paused Deployment creates no ReplicaSet for its template.
  const {replicas: _replicas, selector, template: _template, paused: _paused, ...spec} = stable.spec
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      ...trackedMetadata(stable.metadata, track),
      annotations: {[CANARY_OF_ANNOTATION]: stable.metadata.name, [CANARY_TEMPLATE_HASH_ANNOTATION]: templateHash(template)},
    },
    spec: {
      ...spec,
      replicas: options.replicas ?? 0,
      selector: {...selector, matchLabels: {...selector.matchLabels, [TRACK_LABEL]: track}},
      template,
    },
  }
}

/** Metadata for the `<name>-<track>` sibling of an object: same namespace, its labels plus the track label. */
export function trackedMetadata(source: ObjectMetadata, track: string): ObjectMetadata {
  return {
    name: canaryName(source.name, track),
    ...(source.namespace === undefined ? {} : {namespace: source.namespace}),
    labels: {...source.labels, [TRACK_LABEL]: track},
  }
}

/** The template promotion writes into the stable Deployment: the canary's, minus the track label. */
export function promotedTemplate(template: PodTemplateSpec): PodTemplateSpec {
  const {[TRACK_LABEL]: _track, ...labels} = template.metadata?.labels ?? {}
  return {...template, metadata: {...template.metadata, labels}}
}

/** True when `canary` is the canary this release created (not a stranger with the same name). */
export function isCanaryOf(canary: Deployment, stableName: string, templateHashValue: string): boolean {
  const annotations = canary.metadata.annotations ?? {}
  return annotations[CANARY_OF_ANNOTATION] === stableName && annotations[CANARY_TEMPLATE_HASH_ANNOTATION] === templateHashValue
}
