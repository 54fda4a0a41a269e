import type {PodObject} from './kube-objects.js'

/**
 * Succeeded or Failed: the pod's containers have stopped for good and its IP is released (it may
 * already be another pod's), so it has no traffic for a policy to decide. Completed Job pods stay in
 * the API until they are cleaned up; they are not endpoints.
 */
export function hasFinished(pod: PodObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
}
