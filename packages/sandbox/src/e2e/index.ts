// The e2e harness shared by every plugin's end-to-end suite (`@kubeline/sandbox/e2e`).
export {startE2eCluster, REAL_CLUSTER_ENV} from './e2e-cluster.js'
export type {E2eCluster} from './e2e-cluster.js'
export type {NetworkSimulation, NetworkConnectionRule, ConnectionResult} from '../network/network-simulation.js'
export {runPlugin, pluginEntry, runDirectAndThroughOclif} from './run-plugin.js'
export type {PluginBinary, PluginRun, RunPluginOptions, DirectAndOclifRuns} from './run-plugin.js'
export {RBAC_DOC_PATH, documentedRules, permissionsUsed, withoutPermission} from './documented-rbac.js'
