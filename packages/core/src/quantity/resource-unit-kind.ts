/** How a resource's quantities are counted: CPU in cores, memory and storage in bytes, the rest in units. */
export type ResourceUnitKind = 'cores' | 'bytes' | 'count'

const BYTE_RESOURCES: ReadonlySet<string> = new Set(['memory', 'storage', 'ephemeral-storage'])

/**
 * Classifies a resource name by its last segment, after the last "/" and ".":
 * `cpu`, `requests.cpu`, `limits.cpu`, `example.com/cpu` → cores;
 * `memory`, `storage`, `ephemeral-storage`, `hugepages-<size>` with any prefix
 * (`requests.memory`, `gold.storageclass.storage.k8s.io/requests.storage`) → bytes;
 * everything else (`pods`, `count/deployments.apps`, `nvidia.com/gpu`) → count.
 */
export function resourceUnitKind(resourceName: string): ResourceUnitKind {
  const segment = resourceName.slice(resourceName.lastIndexOf('/') + 1)
  const lastSegment = segment.slice(segment.lastIndexOf('.') + 1)
  if (lastSegment === 'cpu') return 'cores'
  if (BYTE_RESOURCES.has(lastSegment) || lastSegment.startsWith('hugepages-')) return 'bytes'
  return 'count'
}
