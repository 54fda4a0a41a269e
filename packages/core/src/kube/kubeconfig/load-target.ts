import {UsageError} from '../../errors/kubeline-error.js'
import {kubeconfigFiles, loadKubeconfig} from './load-kubeconfig.js'
import {inClusterTarget, resolveTarget} from './resolve-target.js'
import type {KubeTarget, TargetOverrides} from './resolve-target.js'

export interface TargetOptions extends TargetOverrides {
  kubeconfig?: string
}

/**
 * Where to connect, from the flags and the environment, exactly as kubectl decides:
 * kubeconfig files first; the in-cluster service account only when there is no kubeconfig.
 */
export function loadKubeTarget(
  options: TargetOptions,
  env: NodeJS.ProcessEnv = process.env,
  paths: {homeDir?: string; serviceAccountDir?: string} = {},
): KubeTarget {
  const files = kubeconfigFiles({explicitPath: options.kubeconfig, kubeconfigEnv: env.KUBECONFIG, homeDir: paths.homeDir ?? env.HOME})
  if (files.length === 0) {
    const inCluster = inClusterTarget(env, options, paths.serviceAccountDir)
    if (inCluster) return inCluster
    throw new UsageError('NO_CONFIG', 'no kubeconfig found and not running inside a cluster', {
      fix: 'Set KUBECONFIG, pass --kubeconfig, or create ~/.kube/config.',
    })
  }
  return resolveTarget(loadKubeconfig(files), options)
}
