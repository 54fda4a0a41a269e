import type {ContainerObject, PodObject} from './kube-objects.js'

/**
 * Which containers' ports a pod declares, for named ports and for `--port declared` alike. Upstream
 * leaves it to the network plugin (kubernetes/kubernetes#125285):
 * - `containers`: `spec.containers` only, as kube-network-policies (pkg/api/helper.go NewPodInfo),
 *   Cilium and Antrea;
 * - `sidecars`: also native sidecars (`initContainers` with `restartPolicy: Always`), as kube-ovn,
 *   linkerd's policy controller, and FindPort for a Service's targetPort since Kubernetes 1.32;
 * - `init-containers`: also every other init container, as Calico.
 */
export const NAMED_PORT_SOURCES = ['containers', 'sidecars', 'init-containers'] as const

export type NamedPortSource = (typeof NAMED_PORT_SOURCES)[number]

/** The containers whose ports count under `source`: `spec.containers` first, then init containers in order. */
export function portDeclaringContainers(pod: PodObject, source: NamedPortSource): readonly ContainerObject[] {
  const containers = pod.spec?.containers ?? []
  if (source === 'containers') return containers
  const initContainers = pod.spec?.initContainers ?? []
  return [...containers, ...(source === 'sidecars' ? initContainers.filter((container) => container.restartPolicy === 'Always') : initContainers)]
}
