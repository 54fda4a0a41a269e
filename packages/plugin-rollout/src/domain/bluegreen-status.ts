import type {BlueGreenSide, BlueGreenState} from './bluegreen-release.js'
import {sideStatus} from './release-status.js'
import type {SideStatus} from './release-status.js'
import type {Deployment} from './rollout-objects.js'

/** What the bluegreen commands print; JSON kind RolloutBlueGreenStatus (docs/rollout-canary.md). */
export interface BlueGreenStatus {
  deployment: string
  /** False once `finish` has removed the release. */
  inProgress: boolean
  active: BlueGreenSide
  service: string
  previewService?: string
  switchedAt?: Date
  blue: SideStatus
  green?: SideStatus
}

/** The status of a blue/green release; `state` is the recorded one, or the last one once finished. */
export function blueGreenStatus(stable: Deployment, state: BlueGreenState, green: Deployment | undefined, inProgress: boolean): BlueGreenStatus {
  return {
    deployment: stable.metadata.name,
    inProgress,
    active: state.active,
    service: state.service,
    ...(state.previewService ? {previewService: state.previewService} : {}),
    ...(state.switchedAt ? {switchedAt: state.switchedAt} : {}),
    blue: sideStatus(stable),
    ...(green ? {green: sideStatus(green)} : {}),
  }
}
