import {randomBytes} from 'node:crypto'
import {RESOURCES, connect} from '@kubeline/core'
import type {KubeClient, KubeObject, ResourceType} from '@kubeline/core'
import {startSandbox} from '../sandbox/start-sandbox.js'
import type {Sandbox, SandboxOptions} from '../sandbox/start-sandbox.js'
import type {NetworkSimulation} from '../network/network-simulation.js'

/**
 * Where an e2e suite runs: the sandbox by default, or the real cluster of
 * KUBELINE_E2E_KUBECONFIG. Suites create their own namespaces through it, so they run
 * unchanged on both; sandbox-only checks (request counts, faults) use `sandbox` when set.
 */
export interface E2eCluster {
  mode: 'sandbox' | 'real'
  kubeconfigPath: string
  /** Only in sandbox mode. */
  sandbox?: Sandbox
  client: KubeClient
  /** A fresh namespace (`<prefix>-<random>`), deleted by stop(). */
  createNamespace(prefix: string): Promise<string>
  /** Create objects through the API; namespaced ones go to `namespace` unless they name one. */
  apply(objects: KubeObject[], namespace?: string): Promise<KubeObject[]>
  /**
   * Puts a NetworkSimulation in force (undefined: allow all). Sandbox mode only: a real
   * cluster's network is what it is, so this throws there; check `mode` first.
   */
  setNetwork(simulation: NetworkSimulation | undefined): void
  stop(): Promise<void>
}

export const REAL_CLUSTER_ENV = 'KUBELINE_E2E_KUBECONFIG'

export async function startE2eCluster(options: SandboxOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<E2eCluster> {
  const realKubeconfig = env[REAL_CLUSTER_ENV]
  const sandbox = realKubeconfig ? undefined : await startSandbox(options)
  const kubeconfigPath = realKubeconfig ?? (sandbox as Sandbox).kubeconfigPath
  const client = await connect({kubeconfig: kubeconfigPath, env: {}})
  const created: string[] = []
  const cluster: E2eCluster = {
    mode: sandbox ? 'sandbox' : 'real',
    kubeconfigPath,
    client,
    async createNamespace(prefix) {
      const name = `${prefix}-${randomBytes(3).toString('hex')}`
      await client.create(RESOURCES.namespaces, {apiVersion: 'v1', kind: 'Namespace', metadata: {name, labels: {'kubeline.dev/e2e': 'true'}}})
      created.push(name)
      return name
    },
    async apply(objects, namespace) {
      const out: KubeObject[] = []
      for (const object of objects) {
        const type = resourceTypeOf(object)
        const target = type.namespaced ? (object.metadata.namespace ?? namespace) : undefined
        out.push(await client.create(type, {...object, metadata: {...object.metadata, ...(target ? {namespace: target} : {})}}, {namespace: target}))
      }
      return out
    },
    setNetwork(simulation) {
      if (!sandbox) throw new Error('setNetwork needs the sandbox: a real cluster (KUBELINE_E2E_KUBECONFIG) has its own network')
      sandbox.network.replace(simulation)
    },
    async stop() {
      if (realKubeconfig) {
        for (const name of created) await client.delete(RESOURCES.namespaces, name).catch(() => undefined)
      }
      await sandbox?.stop()
    },
  }
  if (sandbox) cluster.sandbox = sandbox
  return cluster
}

const BY_KIND = new Map<string, ResourceType>(
  Object.values(RESOURCES).map((type) => [`${type.group === '' ? type.version : `${type.group}/${type.version}`}:${type.kind}`, type]),
)

function resourceTypeOf(object: KubeObject): ResourceType {
  const type = BY_KIND.get(`${object.apiVersion}:${object.kind}`)
  if (!type) throw new Error(`the e2e harness does not know ${object.apiVersion} ${object.kind}`)
  return type
}
