import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {ReleaseStatus, SideStatus} from '../domain/release-status.js'
import {analysisLines} from './analysis-lines.js'

/** `status` and the result of start/promote/abort/resume. JSON kind RolloutCanaryStatus (docs/rollout-canary.md). */
export function releaseStatusView(status: ReleaseStatus): ResultView<ReleaseStatus> {
  return {
    document: kubelineDocument('RolloutCanaryStatus', status),
    names: [`deployment.apps/${status.deployment}`],
    text: () =>
      [
        `deployment.apps/${status.deployment}: ${status.phase} (step ${status.step} of ${status.steps})`,
        `  weight:  desired ${status.desiredWeight}%, actual ${status.actualWeight}%`,
        `  stable:  ${side(status.stable)}`,
        `  canary:  ${status.canary ? side(status.canary) : '<none>'}`,
        ...(status.pausedUntil ? [`  paused until ${status.pausedUntil.toISOString()}`] : []),
        ...(status.message ? [`  message: ${status.message}`] : []),
        ...analysisLines(status),
        `  last change: ${status.lastChange.what} by ${status.lastChange.by} at ${status.lastChange.at.toISOString()}`,
      ].join('\n'),
  }
}

function side(status: SideStatus): string {
  return `${status.name} ${status.ready}/${status.replicas} ready, images ${status.images.join(', ')}`
}
