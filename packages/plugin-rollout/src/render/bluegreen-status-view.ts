import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {BlueGreenStatus} from '../domain/bluegreen-status.js'
import type {SideStatus} from '../domain/release-status.js'

/** JSON kind RolloutBlueGreenStatus (docs/rollout-canary.md). */
export function blueGreenStatusView(status: BlueGreenStatus): ResultView<BlueGreenStatus> {
  const side = (s: SideStatus): string => `${s.name} ${s.ready}/${s.replicas} ready, images ${s.images.join(', ')}`
  return {
    document: kubelineDocument('RolloutBlueGreenStatus', status),
    names: [`deployment.apps/${status.deployment}`],
    text: () =>
      [
        `deployment.apps/${status.deployment}: ${status.inProgress ? `${status.active} serves` : 'blue/green release finished'}`,
        `  service: ${status.service}${status.previewService ? `, preview ${status.previewService}` : ''}`,
        `  blue:    ${side(status.blue)}`,
        `  green:   ${status.green ? side(status.green) : '<none>'}`,
        ...(status.switchedAt ? [`  switched at ${status.switchedAt.toISOString()}`] : []),
      ].join('\n'),
  }
}
