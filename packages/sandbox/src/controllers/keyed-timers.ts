import type {SandboxClock} from '../store/object-store.js'

/** At most one pending sandbox-clock timer per key: setting a key again replaces its timer. */
export class KeyedTimers {
  private readonly cancels = new Map<string, {at: number; cancel: () => void}>()

  constructor(private readonly clock: SandboxClock) {}

  /** Runs fn at sandbox time `atMs` (or soon, if that is past). An earlier pending timer for the key wins. */
  runAt(key: string, atMs: number, fn: () => void): void {
    const existing = this.cancels.get(key)
    if (existing && existing.at <= atMs) return
    existing?.cancel()
    const cancel = this.clock.after(Math.max(0, atMs - this.clock.now().getTime()), () => {
      this.cancels.delete(key)
      fn()
    })
    this.cancels.set(key, {at: atMs, cancel})
  }

  cancel(key: string): void {
    this.cancels.get(key)?.cancel()
    this.cancels.delete(key)
  }

  cancelAll(): void {
    for (const {cancel} of this.cancels.values()) cancel()
    this.cancels.clear()
  }
}
