import {UsageError} from '@kubeline/core'
import type {Deployment, HorizontalPodAutoscaler} from './rollout-objects.js'

/** An HPA's replica bounds (its spec has this shape). */
export interface HpaBounds {
  minReplicas?: number
  maxReplicas: number
}

/** `--hpa adjust`: the HPA of the stable Deployment and its bounds before the release, recorded to restore them. */
export interface HpaRecord {
  name: string
  minReplicas: number
  maxReplicas: number
}

/** The HPA that scales this Deployment, if any: the replica split would fight it. */
export function hpaFor(deployment: Deployment, hpas: readonly HorizontalPodAutoscaler[]): HorizontalPodAutoscaler | undefined {
  return hpas.find(({spec: {scaleTargetRef: ref}}) => ref.kind === 'Deployment' && ref.name === deployment.metadata.name && (ref.apiVersion ?? 'apps/v1').startsWith('apps/'))
}

/**
 * `--hpa adjust`: the stable HPA's bounds for the stable's share of the pods, scaled in proportion and
 * rounded up, never below 1 (an HPA cannot have minReplicas 0 without the alpha HPAScaleToZero gate).
 * The original bounds are restored on promote or abort.
 */
export function scaledHpaBounds(original: HpaBounds, stableReplicas: number, originalReplicas: number): {minReplicas: number; maxReplicas: number} {
  if (originalReplicas < 1) throw new UsageError('INVALID_ARGUMENT', `invalid original replica count ${originalReplicas}: must be 1 or more`)
  const share = stableReplicas / originalReplicas
  const minReplicas = Math.max(1, Math.ceil((original.minReplicas ?? 1) * share))
  return {minReplicas, maxReplicas: Math.max(minReplicas, Math.ceil(original.maxReplicas * share))}
}

/** The recorded HPA, read back from its annotation; undefined when the JSON is not one. */
export function parseHpaRecord(text: string): HpaRecord | undefined {
  const value: unknown = JSON.parse(text)
  if (value === null || typeof value !== 'object') return undefined
  const {name, minReplicas, maxReplicas} = value as Record<string, unknown>
  const atLeast = (n: unknown, least: number): boolean => Number.isInteger(n) && (n as number) >= least
  // minReplicas 0 exists behind the HPAScaleToZero feature gate.
  return typeof name === 'string' && name !== '' && atLeast(minReplicas, 0) && atLeast(maxReplicas, 1) ? {name, minReplicas: minReplicas as number, maxReplicas: maxReplicas as number} : undefined
}
