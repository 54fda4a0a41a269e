import type {SandboxClock} from '../../store/object-store.js'

interface Timer {
  at: number
  seq: number
  fn: () => void
}

/** Lets the microtask-driven reconcile queues and any store events they cause run to completion. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

/** A SandboxClock that moves only when a test advances it; timers fire in time order, letting controllers settle in between. */
export class ManualClock implements SandboxClock {
  private nowMs: number
  private seq = 0
  private readonly timers = new Set<Timer>()

  constructor(start: Date) {
    this.nowMs = start.getTime()
  }

  now(): Date {
    return new Date(this.nowMs)
  }

  after(ms: number, fn: () => void): () => void {
    const timer = {at: this.nowMs + Math.max(0, ms), seq: this.seq++, fn}
    this.timers.add(timer)
    return () => this.timers.delete(timer)
  }

  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms
    await settle()
    for (let next = this.nextDue(target); next; next = this.nextDue(target)) {
      this.timers.delete(next)
      this.nowMs = Math.max(this.nowMs, next.at)
      next.fn()
      await settle()
    }
    this.nowMs = target
    await settle()
  }

  private nextDue(limit: number): Timer | undefined {
    let best: Timer | undefined
    for (const timer of this.timers) {
      if (timer.at <= limit && (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq))) best = timer
    }
    return best
  }
}
