import type {IncomingMessage, ServerResponse} from 'node:http'
import type {SandboxUser} from '../auth/sandbox-user.js'
import type {FaultPlan} from '../faults/fault-plan.js'
import type {PodLogs} from '../logs/pod-logs.js'
import type {SimulatedNetwork} from '../network/simulated-network.js'
import type {ServedResource} from '../resources/resource-type.js'
import type {ResourceRegistry} from '../resources/resource-registry.js'
import type {MemoryStore} from '../store/memory-store.js'
import type {ResourceKey} from '../store/object-store.js'
import type {ResourceRequest} from './request-info.js'

/** What every handler can reach. */
export interface ApiContext {
  store: MemoryStore
  registry: ResourceRegistry
  podLogs: PodLogs
  faults: FaultPlan
  /** Which connections succeed, for exec'd programs (`agnhost connect`). */
  network: SimulatedNetwork
  now: () => Date
  /** How often a watch that allows bookmarks gets one. */
  bookmarkIntervalMs: number
}

/** A resource request whose resource is served. */
export interface ApiTarget {
  info: ResourceRequest
  type: ServedResource
  key: ResourceKey
  /** The namespace the object is stored under: undefined for cluster-scoped resources. */
  namespace: string | undefined
  url: URL
  /** Who is asking. */
  user: SandboxUser
}

export type Handler = (context: ApiContext, target: ApiTarget, req: IncomingMessage, res: ServerResponse) => Promise<void>
