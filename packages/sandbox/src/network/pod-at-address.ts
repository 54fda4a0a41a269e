import type {MemoryStore} from '../store/memory-store.js'
import type {PodRef} from './simulated-network.js'

const PODS = {group: '', resource: 'pods'}

interface PodAddresses {
  podIP?: string
  podIPs?: {ip?: string}[]
}

/** Finds the pod whose status.podIP or status.podIPs has the address, in any namespace (a scan: probes are rare). */
export function podAtAddress(store: MemoryStore): (address: string) => PodRef | undefined {
  return (address) => {
    for (const pod of store.scan(PODS)) {
      const status = (pod.status ?? {}) as PodAddresses
      if (status.podIP === address || (status.podIPs ?? []).some((entry) => entry.ip === address)) {
        return {namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? ''}
      }
    }
    return undefined
  }
}
