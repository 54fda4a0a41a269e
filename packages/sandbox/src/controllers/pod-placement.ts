import {compareCodeUnits} from '@kubeline/core'
import type {KubeObject, ObjectStore} from '../store/object-store.js'
import {NODES} from './resource-keys.js'

interface Placement {
  nodeName: string
  hostIP: string
}

const FALLBACK_NODE: Placement = {nodeName: 'sandbox-node', hostIP: '192.168.49.2'}
/** Controller-made pods get addresses from 10.200.0.0 upwards; fixtures use lower ranges. */
const FIRST_POD_ADDRESS = (10 << 24) + (200 << 16)

/**
 * The scheduler and IPAM of the sandbox: nodes round-robin among Ready, schedulable
 * nodes, and pod IPs that never collide with an address already in the store.
 */
export class PodPlacement {
  private readonly usedAddresses = new Set<string>()
  private nextAddress = FIRST_POD_ADDRESS
  private nextNode = 0

  /** `existingPods`: every pod in the store now, whose addresses are taken. */
  constructor(
    private readonly store: ObjectStore,
    existingPods: readonly KubeObject[],
  ) {
    for (const pod of existingPods) {
      const ip = (pod.status as {podIP?: string} | undefined)?.podIP
      if (ip) this.usedAddresses.add(ip)
    }
  }

  allocatePodIP(): string {
    for (;;) {
      const n = this.nextAddress++
      if ((n & 0xff) === 0 || (n & 0xff) === 0xff) continue
      const ip = [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.')
      if (!this.usedAddresses.has(ip)) {
        this.usedAddresses.add(ip)
        return ip
      }
    }
  }

  /** The node a pod runs on: its spec.nodeName if set, else the next schedulable node. */
  placementFor(pod: KubeObject): Placement {
    const nodes = this.store.list(NODES).filter(isSchedulable).sort(byName)
    const wanted = (pod.spec as {nodeName?: string} | undefined)?.nodeName
    const node = wanted ? nodes.find((n) => n.metadata.name === wanted) : nodes[this.nextNode++ % Math.max(1, nodes.length)]
    if (!node) return wanted ? {...FALLBACK_NODE, nodeName: wanted} : FALLBACK_NODE
    return {nodeName: node.metadata.name ?? '', hostIP: internalIP(node) ?? FALLBACK_NODE.hostIP}
  }
}

function isSchedulable(node: KubeObject): boolean {
  if ((node.spec as {unschedulable?: boolean} | undefined)?.unschedulable) return false
  const conditions = (node.status as {conditions?: {type: string; status: string}[]} | undefined)?.conditions
  return conditions?.find((c) => c.type === 'Ready')?.status !== 'False'
}

function internalIP(node: KubeObject): string | undefined {
  const addresses = (node.status as {addresses?: {type: string; address: string}[]} | undefined)?.addresses
  return addresses?.find((a) => a.type === 'InternalIP')?.address
}

function byName(a: KubeObject, b: KubeObject): number {
  return compareCodeUnits(a.metadata.name ?? '', b.metadata.name ?? '')
}
