import {mkdir, writeFile} from 'node:fs/promises'
import {dirname} from 'node:path'
import {stringify} from 'yaml'

export interface KubeconfigEntry {
  server: string
  caCertificate: string
  token: string
  /** Cluster, user and context name. */
  name: string
  namespace?: string
}

/** A kubeconfig whose current context points at the sandbox, readable only by its owner (it holds a token). */
export async function writeKubeconfig(path: string, entry: KubeconfigEntry): Promise<void> {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{name: entry.name, cluster: {server: entry.server, 'certificate-authority-data': Buffer.from(entry.caCertificate).toString('base64')}}],
    users: [{name: entry.name, user: {token: entry.token}}],
    contexts: [{name: entry.name, context: {cluster: entry.name, user: entry.name, ...(entry.namespace ? {namespace: entry.namespace} : {})}}],
    'current-context': entry.name,
    preferences: {},
  }
  await mkdir(dirname(path), {recursive: true})
  await writeFile(path, stringify(config), {mode: 0o600})
}
