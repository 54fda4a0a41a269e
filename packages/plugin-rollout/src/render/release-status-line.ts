import type {ReleaseStatus} from '../domain/release-status.js'

/** One progress line of `status --watch` (stderr): phase, step, weights and readiness of both sides. */
export function releaseStatusLine(status: ReleaseStatus): string {
  const canary = status.canary ? `${status.canary.ready}/${status.canary.replicas}` : 'none'
  return `${status.phase}: step ${status.step} of ${status.steps}, weight ${status.desiredWeight}% (actual ${status.actualWeight}%), stable ${status.stable.ready}/${status.stable.replicas} ready, canary ${canary}${status.message ? `: ${status.message}` : ''}`
}
