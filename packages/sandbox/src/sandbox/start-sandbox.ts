import {mkdtemp, rm} from 'node:fs/promises'
import {createServer} from 'node:https'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {randomBytes} from 'node:crypto'
import type {SandboxUser} from '../auth/sandbox-user.js'
import {ScaledClock} from '../clock/scaled-clock.js'
import {startControllers} from '../controllers/index.js'
import type {ControllerOptions} from '../controllers/index.js'
import {FaultPlan} from '../faults/fault-plan.js'
import type {FaultRule} from '../faults/fault-plan.js'
import {writeKubeconfig} from '../kubeconfig/write-kubeconfig.js'
import {PodLogs} from '../logs/pod-logs.js'
import {ResourceRegistry} from '../resources/resource-registry.js'
import {RequestLog} from '../requests/request-log.js'
import type {ApiContext} from '../server/api-context.js'
import {createExecUpgradeHandler} from '../server/exec-upgrade.js'
import {createRouter} from '../server/router.js'
import type {NetworkSimulation} from '../network/network-simulation.js'
import {SimulatedNetwork} from '../network/simulated-network.js'
import {connectionProbe} from '../network/connection-probe.js'
import {podAtAddress} from '../network/pod-at-address.js'
import {probeProgram} from '../programs/probe-program.js'
import {MemoryStore} from '../store/memory-store.js'
import type {KubeObject} from '../store/object-store.js'
import {createSandboxCertificates} from '../tls/certificates.js'
import {resolveFixture} from './resolve-fixture.js'
import {ensureNamespace, loadObjects, SYSTEM_NAMESPACES} from './load-objects.js'
import {separateNetworkSimulation} from './separate-network-simulation.js'

export interface SandboxOptions {
  /**
   * A named fixture ("demo", "scale:namespaces=10,pods=1000"), a manifest file or directory, or objects.
   * It may hold one NetworkSimulation document besides the API objects.
   */
  fixture?: string | KubeObject[]
  /** More objects, stored after the fixture's. */
  objects?: KubeObject[]
  /** Users besides the admin, with their rules. */
  users?: SandboxUser[]
  /** 0 (the default) lets the OS choose. */
  port?: number
  /** Sandbox seconds per real second for the controllers' clock (default 1); 0 stops time until `clock.advance`. */
  timeScale?: number
  /** Where to write the admin kubeconfig (default: a new temporary directory, removed by stop()). */
  kubeconfigPath?: string
  /** Faults in force from the start. */
  faults?: FaultRule[]
  /** Run the Deployment/ReplicaSet/Job/CronJob/Pod controllers (default true). */
  controllers?: boolean | ControllerOptions
  /** Which pod-to-pod connections succeed (probes, `agnhost connect`); replaces the fixture's. Default: all. */
  network?: NetworkSimulation
  /** Changes kept for watches and continue tokens before they get 410 Gone (default 10,000). */
  historySize?: number
  /** How often watches that allow bookmarks get one (default 1000 ms). */
  bookmarkIntervalMs?: number
}

export interface Sandbox {
  /** https://127.0.0.1:PORT */
  url: string
  port: number
  kubeconfigPath: string
  caCertificate: string
  admin: SandboxUser
  store: MemoryStore
  registry: ResourceRegistry
  /** Append container log lines (`podLogs.append(ns, pod, container, line)`), end them with `close`. */
  podLogs: PodLogs
  clock: ScaledClock
  faults: FaultPlan
  requests: RequestLog
  /** The NetworkSimulation in force: `network.replace(simulation)` changes it at run time (undefined: allow all). */
  network: SimulatedNetwork
  /** Writes a kubeconfig for another user (e.g. to test 403s) and returns its path. */
  writeKubeconfig(userName: string, path?: string): Promise<string>
  stop(): Promise<void>
}

/** Starts an in-memory Kubernetes API server on 127.0.0.1 and writes a kubeconfig pointing at it. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = new ScaledClock(options.timeScale ?? 1)
  const store = new MemoryStore({historySize: options.historySize, now: () => clock.now()})
  const registry = new ResourceRegistry()
  store.onChange(({event}) => {
    if (event.key.resource !== 'customresourcedefinitions') return
    if (event.type === 'DELETED') registry.unregisterCrd(event.object)
    else registry.registerCrd(event.object)
  })
  const fixture = options.fixture === undefined ? {objects: [], users: []} : await resolveFixture(options.fixture, clock.now())
  const {objects, network: fixtureNetwork} = separateNetworkSimulation([...fixture.objects, ...(options.objects ?? [])])
  const network = new SimulatedNetwork(options.network ?? fixtureNetwork)
  loadObjects(store, registry, objects)
  for (const namespace of SYSTEM_NAMESPACES) ensureNamespace(store, namespace)

  const admin: SandboxUser = {name: 'admin', token: randomBytes(24).toString('hex'), admin: true}
  const users = [admin, ...fixture.users, ...(options.users ?? [])]
  const faults = new FaultPlan()
  for (const rule of options.faults ?? []) faults.add(rule)
  const podLogs = new PodLogs()
  const requests = new RequestLog()
  const context: ApiContext = {store, registry, podLogs, faults, network, now: () => clock.now(), bookmarkIntervalMs: options.bookmarkIntervalMs ?? 1000}
  const ephemeralContainerProgram = probeProgram(connectionProbe(network, podAtAddress(store)))
  const controllerOptions = {ephemeralContainerProgram, ...(typeof options.controllers === 'object' ? options.controllers : {})}
  const stopControllers = options.controllers === false ? () => {} : startControllers(store, clock, podLogs, controllerOptions)

  const certificates = createSandboxCertificates()
  let address = ''
  const router = createRouter({context, users, requests, serverAddress: () => address})
  const server = createServer({cert: certificates.serverCertificate, key: certificates.serverKey}, (req, res) => void router(req, res))
  const execUpgrade = createExecUpgradeHandler({context, users, requests})
  server.on('upgrade', (req, socket, head) => void execUpgrade(req, socket, head))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const {port} = server.address() as AddressInfo
  address = `127.0.0.1:${port}`
  const url = `https://${address}`

  const temporaryDirectory = options.kubeconfigPath ? undefined : await mkdtemp(join(tmpdir(), 'kubeline-sandbox-'))
  const kubeconfigFor = async (user: SandboxUser, path: string) => {
    await writeKubeconfig(path, {server: url, caCertificate: certificates.caCertificate, token: user.token, name: user.admin ? 'kubeline-sandbox' : `kubeline-sandbox-${user.name}`})
    return path
  }
  const kubeconfigPath = await kubeconfigFor(admin, options.kubeconfigPath ?? join(temporaryDirectory!, 'kubeconfig'))

  return {
    url,
    port,
    kubeconfigPath,
    caCertificate: certificates.caCertificate,
    admin,
    store,
    registry,
    podLogs,
    clock,
    faults,
    requests,
    network,
    async writeKubeconfig(userName, path) {
      const user = users.find((candidate) => candidate.name === userName)
      if (!user) throw new Error(`no sandbox user named "${userName}"`)
      return kubeconfigFor(user, path ?? join(temporaryDirectory ?? tmpdir(), `kubeconfig-${userName}`))
    },
    async stop() {
      stopControllers()
      clock.stop()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (temporaryDirectory) await rm(temporaryDirectory, {recursive: true, force: true})
    },
  }
}
