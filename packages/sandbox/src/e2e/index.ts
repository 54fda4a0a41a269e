// The e2e harness shared by every plugin's end-to-end suite (`@kubeline/sandbox/e2e`).
export {startE2eCluster, REAL_CLUSTER_ENV} from './e2e-cluster.js'
export type {E2eCluster} from './e2e-cluster.js'
export {runPlugin, pluginEntry} from './run-plugin.js'
export type {PluginBinary, PluginRun, RunPluginOptions} from './run-plugin.js'
