import {Worker} from 'node:worker_threads'
import type {Schedule} from '../schedule.js'

/** Up to `count` runs of `schedule` after `fromMs`, each fed back in as nextRuns does. */
export interface NextRunsCall {
  readonly schedule: Schedule
  readonly timeZone: string
  readonly fromMs: number
  readonly count: number
}

/**
 * The runs of each call (unix milliseconds), computed in a worker thread that is stopped after `hangGuardMs`:
 * a walk that never returns fails the test instead of hanging it, which a vitest timeout cannot do to a
 * synchronous loop. A guard against hangs only, never a speed check: keep it far above the real cost.
 */
export async function nextRunsInWorker(calls: readonly NextRunsCall[], hangGuardMs = 20_000): Promise<number[][]> {
  const worker = new Worker(new URL('./next-run-worker.ts', import.meta.url), {workerData: calls})
  let timer: NodeJS.Timeout | undefined
  try {
    return await new Promise<number[][]>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`nextRunAfter did not return within ${hangGuardMs} ms: it loops`)), hangGuardMs)
      worker.once('message', resolve)
      worker.once('error', reject)
    })
  } finally {
    clearTimeout(timer)
    await worker.terminate()
  }
}
