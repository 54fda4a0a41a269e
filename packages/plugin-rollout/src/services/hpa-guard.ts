import {RESOURCES, UsageError} from '@kubeline/core'
import type {KubeClient, KubeObject} from '@kubeline/core'
import {hpaFor, scaledHpaBounds} from '../domain/hpa-bounds.js'
import type {HpaRecord} from '../domain/hpa-bounds.js'
import type {Deployment, HorizontalPodAutoscaler} from '../domain/rollout-objects.js'
import type {TrafficMode} from '../domain/release-state.js'

/** `--hpa`: refuse a replica-mode release of an autoscaled Deployment, or scale the autoscaler's bounds with it. */
export type HpaPolicy = 'refuse' | 'adjust'
export const HPA_POLICIES: readonly HpaPolicy[] = ['refuse', 'adjust']

type HpaObject = HorizontalPodAutoscaler & KubeObject

/**
 * At `start`: the HorizontalPodAutoscaler (autoscaling/v2) on the stable Deployment, if any. In replica mode
 * the release moves the stable's replicas and the autoscaler would move them back, so the release is
 * refused (exit 2) unless the policy is `adjust`, which records the HPA's bounds to scale and restore them.
 * Router modes keep the stable at its replicas and leave the HPA alone.
 */
export async function guardHpa(kube: KubeClient, stable: Deployment, traffic: TrafficMode, policy: HpaPolicy): Promise<HpaRecord | undefined> {
  if (traffic !== 'replicas') return undefined
  const {items} = await kube.list<HpaObject>(RESOURCES.horizontalpodautoscalers, {namespace: stable.metadata.namespace})
  const hpa = hpaFor(stable, items)
  if (!hpa) return undefined
  const {minReplicas = 1, maxReplicas} = hpa.spec
  if (policy === 'refuse') {
    const name = stable.metadata.name
    throw new UsageError('INVALID_ARGUMENT', `Deployment ${name} is scaled by HorizontalPodAutoscaler ${hpa.metadata.name} (${minReplicas}-${maxReplicas} replicas): a replica-mode release moves ${name}'s replicas and the autoscaler would move them back`, {
      fix: `Pass --hpa adjust to scale the autoscaler's bounds with ${name}'s share (restored on promote and abort), or split traffic with --traffic nginx or gateway, which keep ${name} at its replicas.`,
    })
  }
  return {name: hpa.metadata.name, minReplicas, maxReplicas}
}

/** `--hpa adjust`: the HPA's bounds for the stable's replicas (the original ones at full size), written only when they differ. */
export async function adjustHpaBounds(kube: KubeClient, namespace: string, record: HpaRecord, stableReplicas: number, originalReplicas: number): Promise<void> {
  const hpa = await kube.find<HpaObject>(RESOURCES.horizontalpodautoscalers, record.name, {namespace})
  if (!hpa) return
  const bounds = scaledHpaBounds(record, stableReplicas, originalReplicas)
  if (hpa.spec.minReplicas === bounds.minReplicas && hpa.spec.maxReplicas === bounds.maxReplicas) return
  await kube.patch(RESOURCES.horizontalpodautoscalers, record.name, {metadata: {resourceVersion: hpa.metadata.resourceVersion}, spec: bounds}, {namespace})
}
