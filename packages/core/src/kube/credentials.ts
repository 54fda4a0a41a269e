import fs from 'node:fs'
import https from 'node:https'
import {UsageError} from '../errors/kubeline-error.js'
import {registerSecret} from '../output/secret-redaction.js'
import type {ClusterEntry, UserEntry} from './kubeconfig/kubeconfig-types.js'
import type {KubeTarget} from './kubeconfig/resolve-target.js'
import type {PreparedOptions} from './transport.js'

/**
 * The function that yields HTTPS options (TLS material, Authorization, agent) for each
 * request. Tokens, token files, basic auth, client certificates and CAs are read here
 * directly; only exec credential plugins, auth providers and proxies go through
 * client-node, whose import costs about a second of start-up.
 */
export async function prepareTarget(target: KubeTarget): Promise<() => Promise<PreparedOptions>> {
  const user = target.user
  for (const value of [user.token, user.password, user['client-key-data'], user['auth-provider']?.config?.['id-token']]) registerSecret(value)
  for (const variable of user.exec?.env ?? []) registerSecret(variable.value)
  const base = needsClientNode(target) ? await clientNodeOptions(target) : staticOptions(target)
  return async () => {
    const options = await base()
    if (user.tokenFile && !user.token) {
      // Projected service-account tokens rotate: read the file on every request, as client-go does.
      const token = readFile(user.tokenFile, 'tokenFile').toString('utf8').trim()
      registerSecret(token)
      options.headers = {...options.headers, Authorization: `Bearer ${token}`}
    }
    for (const value of Object.values(options.headers ?? {})) registerSecret(String(value).replace(/^(Bearer|Basic)\s+/i, ''))
    return options
  }
}

function needsClientNode(target: KubeTarget): boolean {
  return target.user.exec !== undefined || target.user['auth-provider'] !== undefined || target.cluster['proxy-url'] !== undefined
}

function staticOptions(target: KubeTarget): () => Promise<PreparedOptions> {
  const tls = tlsMaterial(target.cluster, target.user)
  const authorization = authorizationHeader(target.user)
  const secure = target.cluster.server.startsWith('https:')
  const agents = secure ? {agent: new https.Agent({...tls, keepAlive: true}), writeAgent: new https.Agent({...tls, keepAlive: false})} : {}
  const headers: Record<string, string> = authorization ? {Authorization: authorization} : {}
  return async () => ({...tls, ...agents, headers: {...headers}})
}

function tlsMaterial(cluster: ClusterEntry, user: UserEntry): https.AgentOptions {
  const options: https.AgentOptions = {}
  const ca = pem(cluster['certificate-authority'], cluster['certificate-authority-data'], 'certificate-authority')
  if (ca && !cluster['insecure-skip-tls-verify']) options.ca = ca
  if (cluster['insecure-skip-tls-verify']) options.rejectUnauthorized = false
  if (cluster['tls-server-name']) options.servername = cluster['tls-server-name']
  const cert = pem(user['client-certificate'], user['client-certificate-data'], 'client-certificate')
  const key = pem(user['client-key'], user['client-key-data'], 'client-key')
  if (cert) options.cert = cert
  if (key) options.key = key
  return options
}

function authorizationHeader(user: UserEntry): string | undefined {
  if (user.token) return `Bearer ${user.token}`
  if (user.username !== undefined && user.password !== undefined) {
    return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`
  }
  return undefined
}

/** A file path wins over inline base64 data, as in client-go. */
function pem(file: string | undefined, data: string | undefined, field: string): Buffer | undefined {
  if (file) return readFile(file, field)
  if (data) return Buffer.from(data, 'base64')
  return undefined
}

function readFile(file: string, field: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (err) {
    throw new UsageError('INVALID_KUBECONFIG', `cannot read ${field} "${file}" from the kubeconfig: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
}

async function clientNodeOptions(target: KubeTarget): Promise<() => Promise<PreparedOptions>> {
  const {KubeConfig} = await import('@kubernetes/client-node')
  const config = new KubeConfig()
  const cluster = target.clusterName || 'cluster'
  const userName = target.userName || 'user'
  config.loadFromString(
    JSON.stringify({
      clusters: [{name: cluster, cluster: target.cluster}],
      users: [{name: userName, user: target.user}],
      contexts: [{name: target.contextName, context: {cluster, user: userName}}],
      'current-context': target.contextName,
    }),
  )
  return async () => {
    const options: PreparedOptions = {}
    await config.applyToHTTPSOptions(options as https.RequestOptions)
    return options
  }
}
