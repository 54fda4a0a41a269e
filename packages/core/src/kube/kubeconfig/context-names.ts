import {kubeconfigFiles, loadKubeconfig} from './load-kubeconfig.js'

/**
 * The names of every context in the kubeconfig, sorted, for commands that visit each cluster
 * (`--all-contexts`). The files are found and merged as for a connection (--kubeconfig,
 * else KUBECONFIG, else ~/.kube/config); none at all gives [] (in a Pod there are no contexts).
 */
export function kubeconfigContextNames(options: {kubeconfig?: string}, env: NodeJS.ProcessEnv = process.env): string[] {
  const files = kubeconfigFiles({explicitPath: options.kubeconfig, kubeconfigEnv: env.KUBECONFIG, homeDir: env.HOME})
  return [...loadKubeconfig(files).contexts.keys()].sort()
}
