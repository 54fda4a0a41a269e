import {afterEach, expect, test} from 'vitest'
import type {KubeObject} from '../store/object-store.js'
import {runKubectl, spawnKubectl} from '../test-support/run-kubectl.js'
import {eventually, stream} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

let sandbox: Sandbox
/** Follows still open when a test fails would keep stop() waiting. */
const cleanups: (() => void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await sandbox.stop()
})

/** A Job-like pod that starts after the default 500 ms and runs its main container for 2 s. */
function jobPod(name: string, initContainers: {name: string; restartPolicy?: string}[]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: 'default', annotations: {'sandbox.kubeline.dev/log-migrate': 'migrating\nmigrated', 'sandbox.kubeline.dev/duration': '2s'}},
    spec: {restartPolicy: 'Never', initContainers: initContainers.map((c) => ({...c, image: 'busybox'})), containers: [{name: 'main', image: 'busybox'}]},
  }
}

/** A sandbox whose clock only moves with sandbox.clock.advance, holding one pod that has not started. */
async function sandboxWith(pod: KubeObject): Promise<Sandbox> {
  sandbox = await startSandbox({timeScale: 0, objects: [pod]})
  return sandbox
}

const phase = (name: string) => (sandbox.store.get({group: '', resource: 'pods'}, 'default', name)?.status as {phase?: string} | undefined)?.phase

function follow(pod: string, container: string) {
  const lines: string[] = []
  const opened = stream(sandbox, `/api/v1/namespaces/default/pods/${pod}/log?container=${container}&follow=true`, (line) => lines.push(line))
  void opened.then(({close}) => cleanups.push(close))
  return {lines, opened}
}

test('following an init container ends once it has finished, also when the follow starts after that', async () => {
  await sandboxWith(jobPod('migrator', [{name: 'migrate'}]))
  const early = follow('migrator', 'migrate')
  const {ended} = await early.opened
  sandbox.clock.advance(500)
  await ended
  expect(early.lines).toEqual(['migrating', 'migrated'])
  expect(phase('migrator')).toBe('Running')

  const late = follow('migrator', 'migrate')
  await (await late.opened).ended
  expect(late.lines).toEqual(['migrating', 'migrated'])
})

test('following a native sidecar (restartPolicy Always) ends when the pod finishes', async () => {
  await sandboxWith(jobPod('proxied', [{name: 'proxy', restartPolicy: 'Always'}]))
  sandbox.clock.advance(500)
  await eventually(() => phase('proxied') === 'Running')
  let ended = false
  const sidecar = await follow('proxied', 'proxy').opened
  void sidecar.ended.then(() => (ended = true))
  sandbox.clock.advance(1900)
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(ended).toBe(false)
  sandbox.clock.advance(100)
  await sidecar.ended
  expect(phase('proxied')).toBe('Succeeded')
})

test('`kubectl logs -c INIT` prints the init container log, and `kubectl logs -f -c INIT` returns once it has finished', async () => {
  await sandboxWith(jobPod('migrator', [{name: 'migrate'}, {name: 'quiet'}]))
  const logRequests = () => sandbox.requests.count({resource: 'pods', subresource: 'log', name: 'migrator'})
  const following = spawnKubectl(sandbox.kubeconfigPath, ['logs', '-f', 'migrator', '-c', 'migrate'])
  cleanups.push(() => following.child.kill())
  const exited = new Promise<number | null>((resolve) => following.child.once('exit', resolve))
  await eventually(() => logRequests() === 1, 10_000)
  sandbox.clock.advance(500)
  expect(await exited).toBe(0)
  expect(following.output()).toBe('migrating\nmigrated\n')

  expect(await runKubectl(sandbox.kubeconfigPath, ['logs', 'migrator', '-c', 'migrate'])).toEqual({code: 0, stdout: 'migrating\nmigrated\n', stderr: ''})
  expect(await runKubectl(sandbox.kubeconfigPath, ['logs', '-f', 'migrator', '-c', 'quiet'])).toEqual({code: 0, stdout: '', stderr: ''})
})
