// The worker behind nextRunsInWorker. Node strips the types of the domain sources; their imports name the
// built .js files, found here as the .ts beside.
import {registerHooks} from 'node:module'
import {parentPort, workerData} from 'node:worker_threads'
import type {NextRunsCall} from './next-runs-in-worker.js'

registerHooks({resolve: (specifier, context, next) => next(specifier.startsWith('.') ? specifier.replace(/[.]js$/, '.ts') : specifier, context)})
const {nextRunAfter} = await import('../next-run.js')

const runsOf = ({schedule, timeZone, fromMs, count}: NextRunsCall): number[] => {
  const runs: number[] = []
  for (let after = fromMs; runs.length < count; ) {
    const next = nextRunAfter(schedule, timeZone, after)
    if (next === undefined) break
    runs.push(next)
    after = next
  }
  return runs
}

parentPort?.postMessage((workerData as NextRunsCall[]).map(runsOf))
