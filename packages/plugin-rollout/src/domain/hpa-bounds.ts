import {UsageError} from '@kubeline/core'
import type {Deployment, HorizontalPodAutoscaler} from './rollout-objects.js'

/** The HPA that scales this Deployment, if any: the replica split would fight it. */
export function hpaFor(deployment: Deployment, hpas: readonly HorizontalPodAutoscaler[]): HorizontalPodAutoscaler | undefined {
  return hpas.find(({spec: {scaleTargetRef: ref}}) => ref.kind === 'Deployment' && ref.name === deployment.metadata.name && (ref.apiVersion ?? 'apps/v1').startsWith('apps/'))
}

/**
 * `--hpa adjust`: the stable HPA's bounds for the stable's share of the pods, scaled in proportion and
 * rounded up, never below 1 (an HPA cannot have minReplicas 0 without the alpha HPAScaleToZero gate).
 * The original bounds are restored on promote or abort.
 */
export function scaledHpaBounds(hpa: HorizontalPodAutoscaler, stableReplicas: number, originalReplicas: number): {minReplicas: number; maxReplicas: number} {
  if (originalReplicas < 1) throw new UsageError('INVALID_ARGUMENT', `invalid original replica count ${originalReplicas}: must be 1 or more`)
  const share = stableReplicas / originalReplicas
  const minReplicas = Math.max(1, Math.ceil((hpa.spec.minReplicas ?? 1) * share))
  return {minReplicas, maxReplicas: Math.max(minReplicas, Math.ceil(hpa.spec.maxReplicas * share))}
}
