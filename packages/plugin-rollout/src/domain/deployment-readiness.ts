import type {Deployment} from './rollout-objects.js'

/** spec.replicas with the API default of 1 when unset. */
export function specReplicas(deployment: Deployment | undefined): number {
  if (!deployment) return 0
  return deployment.spec.replicas ?? 1
}

export function availableReplicas(deployment: Deployment | undefined): number {
  return deployment?.status?.availableReplicas ?? 0
}

/**
 * True when the Deployment runs exactly `replicas` pods of its current template, all available, and its
 * status describes its current spec (observedGeneration caught up), as `kubectl rollout status` decides.
 * A missing Deployment is settled only at 0.
 */
export function isSettledAt(deployment: Deployment | undefined, replicas: number): boolean {
  if (!deployment) return replicas === 0
  const status = deployment.status ?? {}
  const observed = (status.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 0)
  return (
    observed &&
    specReplicas(deployment) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.updatedReplicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas
  )
}

/** The Deployment controller gave up on progress (condition Progressing=False, ProgressDeadlineExceeded). */
export function hasExceededProgressDeadline(deployment: Deployment | undefined): boolean {
  return (deployment?.status?.conditions ?? []).some(
    (condition) => condition.type === 'Progressing' && condition.status === 'False' && condition.reason === 'ProgressDeadlineExceeded',
  )
}

/** "2/3 available" for wait reasons. */
export function describeAvailability(name: string, deployment: Deployment | undefined, wanted: number): string {
  return `${name} ${availableReplicas(deployment)}/${wanted} available`
}
