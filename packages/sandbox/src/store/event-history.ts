import type {StoreEvent} from './object-store.js'

/** A change with the cluster-wide resourceVersion it produced. */
export interface VersionedEvent {
  resourceVersion: number
  event: StoreEvent
}

/**
 * The last `capacity` changes, oldest first, like etcd's history between compactions. A watch
 * or a continue token from before the retained window must get 410 Gone, so the history
 * remembers the newest version it has dropped.
 */
export class EventHistory {
  private readonly ring: (VersionedEvent | undefined)[]
  private start = 0
  private size = 0
  /** Every event with resourceVersion <= this has been dropped. */
  private compactedThrough = 0

  constructor(readonly capacity: number) {
    this.ring = new Array<VersionedEvent | undefined>(capacity)
  }

  append(entry: VersionedEvent): void {
    if (this.size === this.capacity) {
      this.compactedThrough = this.ring[this.start]!.resourceVersion
      this.start = (this.start + 1) % this.capacity
      this.size--
    }
    this.ring[(this.start + this.size) % this.capacity] = entry
    this.size++
  }

  /** True when every event after `resourceVersion` is still retained. */
  covers(resourceVersion: number): boolean {
    return resourceVersion >= this.compactedThrough
  }

  /** Events with a resourceVersion greater than the given one; call `covers` first. */
  since(resourceVersion: number): VersionedEvent[] {
    const events: VersionedEvent[] = []
    for (let i = 0; i < this.size; i++) {
      const entry = this.ring[(this.start + i) % this.capacity]!
      if (entry.resourceVersion > resourceVersion) events.push(entry)
    }
    return events
  }

  /** Drops everything up to `resourceVersion`, as `etcdctl compact` would. */
  compact(resourceVersion: number): void {
    while (this.size > 0 && this.ring[this.start]!.resourceVersion <= resourceVersion) {
      this.ring[this.start] = undefined
      this.start = (this.start + 1) % this.capacity
      this.size--
    }
    this.compactedThrough = Math.max(this.compactedThrough, resourceVersion)
  }

  get oldestRetained(): number {
    return this.compactedThrough
  }
}
