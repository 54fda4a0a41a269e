import {afterEach, describe, expect, test} from 'vitest'
import type {KubeObject} from '../store/object-store.js'
import {POD_TEMPLATE_HASH_LABEL} from './deployment-controller.js'
import {DEPLOYMENTS, NODES, PODS, REPLICA_SETS} from './resource-keys.js'
import type {ControllerHarness} from './test-support/controller-harness.js'
import {startControllerHarness} from './test-support/controller-harness.js'
import {NAMESPACE, deployment, node} from './test-support/workload-builders.js'

let harness: ControllerHarness
afterEach(() => harness.stop())

const status = (object: KubeObject | undefined) => (object?.status ?? {}) as Record<string, unknown>
const condition = (object: KubeObject | undefined, type: string) =>
  (status(object).conditions as {type: string; status: string; reason: string}[] | undefined)?.find((c) => c.type === type)
const getDeployment = (name: string) => harness.store.get(DEPLOYMENTS, NAMESPACE, name)
const livePods = (app: string) => harness.store.list(PODS, NAMESPACE).filter((p) => p.metadata.labels?.app === app)
const replicaSets = () => harness.store.list(REPLICA_SETS, NAMESPACE)
const specReplicas = (set: KubeObject) => (set.spec as {replicas: number}).replicas

async function updateTemplate(name: string, change: (template: {metadata: {annotations?: Record<string, string>}; spec: {containers: {image: string}[]}}) => void) {
  const current = getDeployment(name)!
  const spec = structuredClone(current.spec) as {template: Parameters<typeof change>[0]}
  change(spec.template)
  harness.store.update(DEPLOYMENTS, {...current, spec})
}

describe('a new Deployment', () => {
  test('gets a ReplicaSet per template hash and Running, Ready pods, and its status converges', async () => {
    harness = await startControllerHarness({existing: [[NODES, node('node-a', '192.168.1.10')], [NODES, node('node-b', '192.168.1.11')]]})
    harness.store.create(DEPLOYMENTS, deployment('web', 3))
    await harness.clock.advance(1000)

    const [set] = replicaSets()
    const hash = set?.metadata.labels?.[POD_TEMPLATE_HASH_LABEL]
    expect(set?.metadata.name).toBe(`web-${hash}`)
    expect(set?.metadata.ownerReferences).toEqual([expect.objectContaining({kind: 'Deployment', name: 'web', controller: true, uid: getDeployment('web')?.metadata.uid})])
    const pods = livePods('web')
    expect(pods).toHaveLength(3)
    for (const pod of pods) {
      expect(pod.metadata.labels).toEqual({app: 'web', [POD_TEMPLATE_HASH_LABEL]: hash})
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({kind: 'ReplicaSet', name: set?.metadata.name, uid: set?.metadata.uid})
      expect(status(pod)).toMatchObject({phase: 'Running', podIP: expect.stringMatching(/^10\./), hostIP: expect.stringMatching(/^192\.168\.1\.1[01]$/)})
      expect(condition(pod, 'Ready')?.status).toBe('True')
      expect((status(pod).containerStatuses as {ready: boolean}[])[0]?.ready).toBe(true)
    }
    expect(new Set(pods.map((p) => status(p).podIP)).size).toBe(3)
    expect(new Set(pods.map((p) => (p.spec as {nodeName: string}).nodeName))).toEqual(new Set(['node-a', 'node-b']))
    const web = getDeployment('web')
    expect(status(web)).toMatchObject({observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 0})
    expect(condition(web, 'Available')).toMatchObject({status: 'True', reason: 'MinimumReplicasAvailable'})
    expect(condition(web, 'Progressing')).toMatchObject({status: 'True', reason: 'NewReplicaSetAvailable'})
    expect(web?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
  })

  test('reports pods created but not yet started as unavailable', async () => {
    harness = await startControllerHarness()
    harness.store.create(DEPLOYMENTS, deployment('web', 2))
    await harness.clock.advance(50)
    expect(status(getDeployment('web'))).toMatchObject({replicas: 2, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: 2})
    expect(condition(getDeployment('web'), 'Available')).toMatchObject({status: 'False', reason: 'MinimumReplicasUnavailable'})
  })
})

describe('a rolling update', () => {
  test('replaces old pods within maxSurge and maxUnavailable and ends with the old ReplicaSet at zero', async () => {
    harness = await startControllerHarness()
    harness.store.create(DEPLOYMENTS, deployment('web', 4, {spec: {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}}}))
    await harness.clock.advance(1000)
    const seen = {maxPods: 0, minReady: 4}
    harness.store.subscribe(() => {
      const pods = livePods('web')
      seen.maxPods = Math.max(seen.maxPods, pods.length)
      seen.minReady = Math.min(seen.minReady, pods.filter((p) => condition(p, 'Ready')?.status === 'True').length)
    })
    await updateTemplate('web', (t) => (t.spec.containers[0]!.image = 'web:2'))
    await harness.clock.advance(5000)

    expect(seen.maxPods).toBeLessThanOrEqual(5)
    expect(seen.minReady).toBeGreaterThanOrEqual(3)
    const sets = replicaSets()
    expect(sets).toHaveLength(2)
    const newSet = sets.find((s) => (s.spec as {template: {spec: {containers: {image: string}[]}}}).template.spec.containers[0]?.image === 'web:2')
    expect(specReplicas(newSet!)).toBe(4)
    expect(specReplicas(sets.find((s) => s !== newSet)!)).toBe(0)
    expect(livePods('web').map((p) => (p.spec as {containers: {image: string}[]}).containers[0]?.image)).toEqual(['web:2', 'web:2', 'web:2', 'web:2'])
    const web = getDeployment('web')
    expect(status(web)).toMatchObject({observedGeneration: 2, replicas: 4, updatedReplicas: 4, availableReplicas: 4})
    expect(condition(web, 'Progressing')?.reason).toBe('NewReplicaSetAvailable')
    expect(web?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
  })

  test('never takes availability below desired - maxUnavailable when the new pods never become ready', async () => {
    harness = await startControllerHarness()
    harness.store.create(DEPLOYMENTS, deployment('web', 4, {spec: {progressDeadlineSeconds: 30, strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}}}))
    await harness.clock.advance(1000)
    await updateTemplate('web', (t) => (t.metadata.annotations = {'sandbox.kubeline.dev/ready': 'false'}))
    await harness.clock.advance(5000)

    const pods = livePods('web')
    expect(pods).toHaveLength(5)
    expect(pods.filter((p) => condition(p, 'Ready')?.status === 'True')).toHaveLength(4)
    expect(status(getDeployment('web'))).toMatchObject({updatedReplicas: 1, availableReplicas: 4, unavailableReplicas: 1})
    expect(condition(getDeployment('web'), 'Available')?.status).toBe('True')
    expect(condition(getDeployment('web'), 'Progressing')?.reason).toBe('ReplicaSetUpdated')

    await harness.clock.advance(30_000)
    expect(condition(getDeployment('web'), 'Progressing')).toMatchObject({status: 'False', reason: 'ProgressDeadlineExceeded'})
  })

  test('Recreate removes every old pod before starting new ones', async () => {
    harness = await startControllerHarness()
    harness.store.create(DEPLOYMENTS, deployment('web', 2, {spec: {strategy: {type: 'Recreate'}}}))
    await harness.clock.advance(1000)
    let mixed = false
    harness.store.subscribe(() => {
      const images = new Set(livePods('web').map((p) => (p.spec as {containers: {image: string}[]}).containers[0]?.image))
      if (images.size > 1) mixed = true
    })
    await updateTemplate('web', (t) => (t.spec.containers[0]!.image = 'web:2'))
    await harness.clock.advance(2000)
    expect(mixed).toBe(false)
    expect(livePods('web')).toHaveLength(2)
    expect(status(getDeployment('web'))).toMatchObject({updatedReplicas: 2, availableReplicas: 2})
  })

  test('keeps only revisionHistoryLimit old ReplicaSets', async () => {
    harness = await startControllerHarness()
    harness.store.create(DEPLOYMENTS, deployment('web', 1, {spec: {revisionHistoryLimit: 1}}))
    for (const image of ['web:2', 'web:3', 'web:4']) {
      await harness.clock.advance(1000)
      await updateTemplate('web', (t) => (t.spec.containers[0]!.image = image))
    }
    await harness.clock.advance(2000)
    await harness.clock.advance(100)
    expect(replicaSets().map((s) => s.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4'])
  })
})

describe('scaling and pausing', () => {
  test.each([
    {from: 3, to: 5},
    {from: 3, to: 1},
    {from: 2, to: 0},
  ])('spec.replicas $from -> $to', async ({from, to}) => {
    harness = await startControllerHarness()
    harness.store.create(DEPLOYMENTS, deployment('web', from))
    await harness.clock.advance(1000)
    const current = getDeployment('web')!
    harness.store.update(DEPLOYMENTS, {...current, spec: {...(current.spec as object), replicas: to}})
    await harness.clock.advance(1000)
    expect(livePods('web')).toHaveLength(to)
    expect(status(getDeployment('web'))).toMatchObject({replicas: to, readyReplicas: to, availableReplicas: to, observedGeneration: 2})
  })

  test('a paused Deployment does not roll out a template change until resumed', async () => {
    harness = await startControllerHarness()
    harness.store.create(DEPLOYMENTS, deployment('web', 2))
    await harness.clock.advance(1000)
    const current = getDeployment('web')!
    harness.store.update(DEPLOYMENTS, {...current, spec: {...(current.spec as object), paused: true}})
    await updateTemplate('web', (t) => (t.spec.containers[0]!.image = 'web:2'))
    await harness.clock.advance(2000)
    expect(replicaSets()).toHaveLength(1)
    expect(condition(getDeployment('web'), 'Progressing')).toMatchObject({status: 'Unknown', reason: 'DeploymentPaused'})

    const paused = getDeployment('web')!
    harness.store.update(DEPLOYMENTS, {...paused, spec: {...(paused.spec as object), paused: false}})
    await harness.clock.advance(3000)
    expect(replicaSets()).toHaveLength(2)
    expect(condition(getDeployment('web'), 'Progressing')?.reason).toBe('NewReplicaSetAvailable')
  })
})

test('minReadySeconds delays availability', async () => {
  harness = await startControllerHarness()
  harness.store.create(DEPLOYMENTS, deployment('web', 2, {spec: {minReadySeconds: 10}}))
  await harness.clock.advance(1000)
  expect(status(getDeployment('web'))).toMatchObject({readyReplicas: 2, availableReplicas: 0})
  await harness.clock.advance(10_000)
  expect(status(getDeployment('web'))).toMatchObject({readyReplicas: 2, availableReplicas: 2})
})

test('a failing readiness annotation keeps pods Running but not Ready', async () => {
  harness = await startControllerHarness()
  harness.store.create(DEPLOYMENTS, deployment('web', 2, {annotations: {'sandbox.kubeline.dev/ready': 'false'}}))
  await harness.clock.advance(5000)
  const pods = livePods('web')
  expect(pods.map((p) => status(p).phase)).toEqual(['Running', 'Running'])
  expect(pods.map((p) => condition(p, 'Ready'))).toEqual([
    expect.objectContaining({status: 'False', reason: 'ContainersNotReady'}),
    expect.objectContaining({status: 'False', reason: 'ContainersNotReady'}),
  ])
  expect(status(getDeployment('web'))).toMatchObject({replicas: 2, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: 2})
  expect(condition(getDeployment('web'), 'Available')?.status).toBe('False')
})

test('deleting a Deployment deletes its ReplicaSets and pods', async () => {
  harness = await startControllerHarness()
  harness.store.create(DEPLOYMENTS, deployment('web', 2))
  await harness.clock.advance(1000)
  harness.store.delete(DEPLOYMENTS, NAMESPACE, 'web')
  await harness.clock.advance(1000)
  expect(replicaSets()).toEqual([])
  expect(livePods('web')).toEqual([])
})
