import type {ReleaseAction} from './release-plan-types.js'
import type {ReleaseState} from './release-state.js'

/** One progress line (stderr) of a driver: what the planned action does, to which Deployment. */
export function releaseProgressLine(action: ReleaseAction, stableName: string, state: ReleaseState): string {
  switch (action.kind) {
    case 'wait':
      return action.reason
    case 'abort':
      return `aborting: ${action.reason}`
    case 'pause':
      return action.until ? `${action.reason} until ${action.until.toISOString()}` : action.reason
    case 'scale':
      return `scaling: canary ${action.canary}, stable ${action.stable}`
    case 'analyze':
      return `analysis of step ${action.step + 1}`
    case 'setWeight':
      return `traffic: canary ${action.weight}%`
    case 'createCanary':
      return `creating ${action.deployment.metadata.name}`
    case 'promote':
      return `promoting: ${stableName} takes the canary template at ${action.replicas} replicas`
    case 'removeCanary':
      return `removing ${state.canaryName}`
    case 'done':
      return `release ${action.phase}`
  }
}
