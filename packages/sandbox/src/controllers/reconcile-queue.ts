/**
 * A de-duplicating work queue of object keys ("namespace/name"). Store events arrive
 * synchronously while the store is still notifying its listeners, so reconciling runs
 * later, in a microtask: every listener sees events in store order, and a burst of
 * events for one object costs one reconcile. Deterministic: keys run in arrival order.
 */
export class ReconcileQueue {
  private readonly pending = new Set<string>()
  private scheduled = false
  private stopped = false

  constructor(
    private readonly reconcile: (key: string) => void,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  enqueue(key: string): void {
    if (this.stopped) return
    this.pending.add(key)
    if (this.scheduled) return
    this.scheduled = true
    queueMicrotask(() => this.drain())
  }

  stop(): void {
    this.stopped = true
    this.pending.clear()
  }

  private drain(): void {
    this.scheduled = false
    // Keys added while draining wait for the next microtask, so other controllers react to this round's writes first.
    const keys = [...this.pending]
    this.pending.clear()
    for (const key of keys) {
      if (this.stopped) return
      try {
        this.reconcile(key)
      } catch (error) {
        this.onError(key, error)
      }
    }
  }
}

export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`
}

export function splitObjectKey(key: string): {namespace: string; name: string} {
  const slash = key.indexOf('/')
  return {namespace: key.slice(0, slash), name: key.slice(slash + 1)}
}
