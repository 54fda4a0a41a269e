import fs from 'node:fs'
import path from 'node:path'
import {UsageError} from '../../errors/kubeline-error.js'
import type {ClusterEntry, MergedKubeconfig, UserEntry} from './kubeconfig-types.js'

/** The flags of DESIGN.md that choose where and as whom to connect. */
export interface TargetOverrides {
  context?: string
  cluster?: string
  user?: string
  namespace?: string
  insecureSkipTlsVerify?: boolean
}

/** One cluster + user + namespace, fully resolved: what a client connects with. */
export interface KubeTarget {
  contextName: string
  clusterName: string
  userName: string
  cluster: ClusterEntry & {server: string}
  user: UserEntry
  /** -n, else the context's namespace, else "default". */
  namespace: string
  /** True when -n was given (commands that default to "all namespaces" need to know). */
  namespaceExplicit: boolean
}

/**
 * Pick the context, cluster and user as kubectl does: --context else current-context;
 * --cluster/--user override the context's; -n else the context's namespace else "default".
 */
export function resolveTarget(config: MergedKubeconfig, overrides: TargetOverrides): KubeTarget {
  const contextName = overrides.context ?? config.currentContext
  if (contextName === undefined) {
    throw new UsageError('NO_CONTEXT', 'no current context is set in the kubeconfig', {
      fix: `Pass --context, or run: kubectl config use-context <name>${available(config.contexts)}`,
    })
  }
  const context = config.contexts.get(contextName)
  if (context === undefined) {
    throw new UsageError('NO_CONTEXT', `context "${contextName}" not found in the kubeconfig`, {
      fix: `Choose one of the contexts in ${config.files.join(', ') || 'the kubeconfig'}${available(config.contexts)}`,
    })
  }
  const clusterName = overrides.cluster ?? context.entry.cluster ?? ''
  const cluster = config.clusters.get(clusterName)
  if (cluster === undefined || typeof cluster.entry.server !== 'string' || cluster.entry.server === '') {
    throw new UsageError('INVALID_KUBECONFIG', `cluster "${clusterName}" of context "${contextName}" has no server defined`, {
      fix: `Check the clusters in the kubeconfig${available(config.clusters)}`,
    })
  }
  const userName = overrides.user ?? context.entry.user ?? ''
  const user = config.users.get(userName)
  if (overrides.user !== undefined && user === undefined) {
    throw new UsageError('INVALID_KUBECONFIG', `user "${userName}" not found in the kubeconfig`, {fix: `Check --user${available(config.users)}`})
  }
  const clusterEntry = {...cluster.entry, server: cluster.entry.server}
  if (overrides.insecureSkipTlsVerify) {
    clusterEntry['insecure-skip-tls-verify'] = true
    delete clusterEntry['certificate-authority']
    delete clusterEntry['certificate-authority-data']
  }
  const namespace = overrides.namespace ?? context.entry.namespace
  return {
    contextName,
    clusterName,
    userName,
    cluster: clusterEntry,
    user: user?.entry ?? {},
    namespace: namespace === undefined || namespace === '' ? 'default' : namespace,
    namespaceExplicit: overrides.namespace !== undefined,
  }
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount'

/**
 * The in-cluster service account, as client-go's InClusterConfig: only when
 * KUBERNETES_SERVICE_HOST/PORT are set and the token file exists.
 */
export function inClusterTarget(
  env: NodeJS.ProcessEnv,
  overrides: TargetOverrides,
  serviceAccountDir: string = SERVICE_ACCOUNT_DIR,
): KubeTarget | undefined {
  const host = env.KUBERNETES_SERVICE_HOST
  const port = env.KUBERNETES_SERVICE_PORT
  const tokenFile = path.join(serviceAccountDir, 'token')
  if (!host || !port || !fs.existsSync(tokenFile)) return undefined
  const namespaceFile = path.join(serviceAccountDir, 'namespace')
  const podNamespace = fs.existsSync(namespaceFile) ? fs.readFileSync(namespaceFile, 'utf8').trim() : ''
  const server = `https://${host.includes(':') ? `[${host}]` : host}:${port}`
  const cluster: ClusterEntry & {server: string} = overrides.insecureSkipTlsVerify
    ? {server, 'insecure-skip-tls-verify': true}
    : {server, 'certificate-authority': path.join(serviceAccountDir, 'ca.crt')}
  return {
    contextName: 'in-cluster',
    clusterName: 'in-cluster',
    userName: 'in-cluster',
    cluster,
    user: {tokenFile},
    namespace: overrides.namespace ?? (podNamespace || 'default'),
    namespaceExplicit: overrides.namespace !== undefined,
  }
}

function available(entries: Map<string, unknown>): string {
  return entries.size === 0 ? '' : ` (available: ${[...entries.keys()].sort().join(', ')})`
}
