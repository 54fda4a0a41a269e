import type {SandboxClock} from '../store/object-store.js'

interface Timer {
  dueMs: number
  fn: () => void
}

/**
 * Sandbox time: real time since start multiplied by `timeScale`, plus whatever a test added
 * with `advance`. Timers fire when sandbox time reaches them, whichever way it gets there.
 */
export class ScaledClock implements SandboxClock {
  private readonly realStartMs = Date.now()
  private readonly startMs: number
  private offsetMs = 0
  private timers: Timer[] = []
  private wakeUp: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly timeScale = 1,
    start = new Date(),
  ) {
    if (!(timeScale >= 0)) throw new RangeError(`time scale must be zero or positive, got ${timeScale}`)
    this.startMs = start.getTime()
  }

  now(): Date {
    return new Date(this.nowMs())
  }

  after(ms: number, fn: () => void): () => void {
    const timer = {dueMs: this.nowMs() + Math.max(0, ms), fn}
    this.timers.push(timer)
    this.schedule()
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
      this.schedule()
    }
  }

  /** Moves sandbox time forward and fires every timer that is now due, in order. */
  advance(ms: number): void {
    this.offsetMs += ms
    this.fireDue()
  }

  /** Cancels the pending wake-up so the process can exit; timers no longer fire. */
  stop(): void {
    clearTimeout(this.wakeUp)
    this.timers = []
  }

  private nowMs(): number {
    return this.startMs + (Date.now() - this.realStartMs) * this.timeScale + this.offsetMs
  }

  private fireDue(): void {
    for (;;) {
      const now = this.nowMs()
      const due = this.timers.filter((t) => t.dueMs <= now).sort((a, b) => a.dueMs - b.dueMs)[0]
      if (!due) break
      this.timers = this.timers.filter((t) => t !== due)
      due.fn()
    }
    this.schedule()
  }

  private schedule(): void {
    clearTimeout(this.wakeUp)
    this.wakeUp = undefined
    if (this.timers.length === 0 || this.timeScale === 0) return
    const nextDue = Math.min(...this.timers.map((t) => t.dueMs))
    const realDelay = Math.max(0, (nextDue - this.nowMs()) / this.timeScale)
    this.wakeUp = setTimeout(() => this.fireDue(), Math.min(realDelay, 2_147_483_647))
    this.wakeUp.unref()
  }
}
