import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {call} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

const deployment = (name: string, replicas = 2) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {name, labels: {app: name}},
  spec: {replicas, selector: {matchLabels: {app: name}}, template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'app', image: 'nginx:1', ports: [{containerPort: 80}]}]}}},
})

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({controllers: false, objects: [{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team-a'}}]})
})
afterAll(() => sandbox.stop())

describe('create, get, update, delete', () => {
  test('create answers 201 with server-set metadata, get returns it', async () => {
    const created = await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/deployments', {body: deployment('web')})
    expect(created.status).toBe(201)
    expect(created.json.metadata).toMatchObject({name: 'web', namespace: 'team-a', generation: 1, uid: expect.any(String), resourceVersion: expect.any(String)})
    const fetched = await call(sandbox, 'GET', '/apis/apps/v1/namespaces/team-a/deployments/web')
    expect(fetched.json.metadata.uid).toBe(created.json.metadata.uid)
  })

  test('a duplicate is 409 AlreadyExists, a missing object 404, a missing name 422 with causes', async () => {
    const duplicate = await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/deployments', {body: deployment('dup')})
    expect(duplicate.status).toBe(201)
    const again = await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/deployments', {body: deployment('dup')})
    expect(again.json).toMatchObject({kind: 'Status', status: 'Failure', reason: 'AlreadyExists', code: 409, message: 'deployments.apps "dup" already exists'})
    const missing = await call(sandbox, 'GET', '/api/v1/namespaces/team-a/pods/ghost')
    expect(missing.json).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "ghost" not found', reason: 'NotFound',
      details: {name: 'ghost', group: '', kind: 'pods'}, code: 404,
    })
    const nameless = await call(sandbox, 'POST', '/api/v1/namespaces/team-a/configmaps', {body: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {}}})
    expect(nameless.status).toBe(422)
    expect(nameless.json.details.causes).toEqual([{reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required'}])
  })

  test('creating in a missing namespace is 404 namespaces "x" not found', async () => {
    const response = await call(sandbox, 'POST', '/api/v1/namespaces/nowhere/configmaps', {body: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c'}}})
    expect(response.status).toBe(404)
    expect(response.json.message).toBe('namespaces "nowhere" not found')
  })

  test('dryRun=All validates without storing; generateName picks a name', async () => {
    const dry = await call(sandbox, 'POST', '/api/v1/namespaces/team-a/configmaps?dryRun=All', {body: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'dry'}}})
    expect(dry.status).toBe(201)
    expect((await call(sandbox, 'GET', '/api/v1/namespaces/team-a/configmaps/dry')).status).toBe(404)
    const generated = await call(sandbox, 'POST', '/api/v1/namespaces/team-a/configmaps', {body: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {generateName: 'cfg-'}}})
    expect(generated.json.metadata.name).toMatch(/^cfg-[a-z0-9]{5}$/)
  })

  test('PUT with a stale resourceVersion is 409 Conflict; PUT on the main resource keeps the status', async () => {
    const created = (await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/deployments', {body: deployment('put')})).json
    const statusPut = await call(sandbox, 'PUT', '/apis/apps/v1/namespaces/team-a/deployments/put/status', {body: {...created, status: {replicas: 2, readyReplicas: 2}}})
    expect(statusPut.json.status).toEqual({replicas: 2, readyReplicas: 2})
    const stale = await call(sandbox, 'PUT', '/apis/apps/v1/namespaces/team-a/deployments/put', {body: created})
    expect(stale.json).toMatchObject({code: 409, reason: 'Conflict'})
    const fresh = await call(sandbox, 'PUT', '/apis/apps/v1/namespaces/team-a/deployments/put', {body: {...statusPut.json, status: {}, spec: {...created.spec, replicas: 5}}})
    expect(fresh.json.status).toEqual({replicas: 2, readyReplicas: 2})
    expect(fresh.json.metadata.generation).toBe(2)
  })

  test('delete cascades to owned objects unless propagationPolicy is Orphan', async () => {
    const owner = (await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/deployments', {body: deployment('owner')})).json
    const ownerReferences = [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'owner', uid: owner.metadata.uid, controller: true}]
    await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/replicasets', {body: {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'owner-1', ownerReferences}}})
    const orphaning = await call(sandbox, 'DELETE', '/apis/apps/v1/namespaces/team-a/deployments/owner', {body: {kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Orphan'}})
    expect(orphaning.json).toMatchObject({kind: 'Deployment', metadata: {name: 'owner'}})
    expect((await call(sandbox, 'GET', '/apis/apps/v1/namespaces/team-a/replicasets/owner-1')).json.metadata.ownerReferences).toBeUndefined()

    const second = (await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/deployments', {body: deployment('owner2')})).json
    const refs = [{apiVersion: 'apps/v1', kind: 'Deployment', name: 'owner2', uid: second.metadata.uid}]
    await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/replicasets', {body: {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'owner2-1', ownerReferences: refs}}})
    await call(sandbox, 'DELETE', '/apis/apps/v1/namespaces/team-a/deployments/owner2?propagationPolicy=Foreground')
    expect((await call(sandbox, 'GET', '/apis/apps/v1/namespaces/team-a/replicasets/owner2-1')).status).toBe(404)
  })
})

describe('patch', () => {
  test.each([
    ['application/merge-patch+json', {metadata: {labels: {tier: 'front'}}, spec: {replicas: 3}}],
    ['application/json-patch+json', [{op: 'add', path: '/metadata/labels/tier', value: 'front'}, {op: 'replace', path: '/spec/replicas', value: 3}]],
    ['application/strategic-merge-patch+json', {metadata: {labels: {tier: 'front'}}, spec: {replicas: 3}}],
  ])('%s', async (contentType, body) => {
    const name = `patch-${contentType.split('/')[1]!.split('-')[0]}`
    await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/deployments', {body: deployment(name)})
    const patched = await call(sandbox, 'PATCH', `/apis/apps/v1/namespaces/team-a/deployments/${name}`, {body, contentType})
    expect(patched.status).toBe(200)
    expect(patched.json.metadata.labels).toEqual({app: name, tier: 'front'})
    expect(patched.json.spec.replicas).toBe(3)
  })

  test('strategic merge patch merges containers by name and ports by containerPort', async () => {
    await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/deployments', {body: deployment('smp')})
    const body = {spec: {template: {spec: {containers: [{name: 'app', image: 'nginx:2', ports: [{containerPort: 443}]}, {name: 'sidecar', image: 'envoy'}]}}}}
    const patched = await call(sandbox, 'PATCH', '/apis/apps/v1/namespaces/team-a/deployments/smp', {body, contentType: 'application/strategic-merge-patch+json'})
    expect(patched.json.spec.template.spec.containers).toEqual([
      {name: 'app', image: 'nginx:2', ports: [{containerPort: 80}, {containerPort: 443}]},
      {name: 'sidecar', image: 'envoy'},
    ])
  })

  test('the scale subresource reads and patches spec.replicas', async () => {
    await call(sandbox, 'POST', '/apis/apps/v1/namespaces/team-a/deployments', {body: deployment('scaled')})
    const scale = await call(sandbox, 'GET', '/apis/apps/v1/namespaces/team-a/deployments/scaled/scale')
    expect(scale.json).toMatchObject({kind: 'Scale', apiVersion: 'autoscaling/v1', spec: {replicas: 2}, status: {selector: 'app=scaled'}})
    const patched = await call(sandbox, 'PATCH', '/apis/apps/v1/namespaces/team-a/deployments/scaled/scale', {body: {spec: {replicas: 7}}, contentType: 'application/merge-patch+json'})
    expect(patched.json.spec.replicas).toBe(7)
    expect((await call(sandbox, 'GET', '/apis/apps/v1/namespaces/team-a/deployments/scaled')).json.spec.replicas).toBe(7)
  })

  test('protobuf bodies are refused with 415', async () => {
    const response = await call(sandbox, 'POST', '/api/v1/namespaces', {body: 'k8s\u0000', contentType: 'application/vnd.kubernetes.protobuf'})
    expect(response.status).toBe(415)
    expect(response.json.reason).toBe('UnsupportedMediaType')
  })
})

describe('list', () => {
  test('label and field selectors filter, namespaces scope', async () => {
    for (const [name, phase, tier] of [['p1', 'Running', 'web'], ['p2', 'Pending', 'web'], ['p3', 'Running', 'db']]) {
      await call(sandbox, 'POST', '/api/v1/namespaces/team-a/pods', {body: {apiVersion: 'v1', kind: 'Pod', metadata: {name, labels: {tier}}, spec: {containers: [{name: 'c'}]}, status: {phase}}})
    }
    const names = async (query: string) => (await call(sandbox, 'GET', `/api/v1/namespaces/team-a/pods?${query}`)).json.items.map((p: {metadata: {name: string}}) => p.metadata.name)
    expect(await names('labelSelector=tier%3Dweb')).toEqual(['p1', 'p2'])
    expect(await names('labelSelector=tier%20notin%20(web)')).toEqual(['p3'])
    expect(await names('fieldSelector=status.phase%3DRunning')).toEqual(['p1', 'p3'])
    expect(await names('fieldSelector=metadata.name%3Dp2,metadata.namespace%3Dteam-a')).toEqual(['p2'])
    const bad = await call(sandbox, 'GET', '/api/v1/pods?labelSelector=a%20in%20b')
    expect(bad.status).toBe(400)
  })
})

describe('discovery', () => {
  test('serves /version, /api, /apis and resource lists with verbs, short names and subresources', async () => {
    expect((await call(sandbox, 'GET', '/version')).json).toMatchObject({major: '1', minor: '32'})
    expect((await call(sandbox, 'GET', '/api')).json).toMatchObject({kind: 'APIVersions', versions: ['v1']})
    const groups = (await call(sandbox, 'GET', '/apis')).json.groups.map((g: {name: string}) => g.name)
    expect(groups).toEqual(expect.arrayContaining(['apps', 'batch', 'networking.k8s.io', 'gateway.networking.k8s.io', 'policy.networking.k8s.io']))
    const apps = (await call(sandbox, 'GET', '/apis/apps/v1')).json
    expect(apps.resources).toContainEqual(expect.objectContaining({name: 'deployments', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], categories: ['all']}))
    expect(apps.resources).toContainEqual(expect.objectContaining({name: 'deployments/scale', kind: 'Scale', group: 'autoscaling', version: 'v1'}))
    expect((await call(sandbox, 'GET', '/apis/nope/v1')).status).toBe(404)
  })

  test('serves node.k8s.io/v1 runtimeclasses, cluster-scoped, as kube-apiserver 1.32 does', async () => {
    const node = (await call(sandbox, 'GET', '/apis/node.k8s.io/v1')).json
    expect(node.resources).toContainEqual(expect.objectContaining({name: 'runtimeclasses', kind: 'RuntimeClass', namespaced: false}))
    const kata = {apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name: 'kata'}, handler: 'kata', overhead: {podFixed: {cpu: '250m'}}}
    expect((await call(sandbox, 'POST', '/apis/node.k8s.io/v1/runtimeclasses', {body: kata})).status).toBe(201)
    const listed = (await call(sandbox, 'GET', '/apis/node.k8s.io/v1/runtimeclasses')).json
    expect(listed.items).toEqual([expect.objectContaining({metadata: expect.objectContaining({name: 'kata'}), overhead: {podFixed: {cpu: '250m'}}})])
  })

  test('a stored CustomResourceDefinition is served', async () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: {name: 'widgets.example.com'},
      spec: {group: 'example.com', scope: 'Namespaced', names: {plural: 'widgets', singular: 'widget', kind: 'Widget'}, versions: [{name: 'v1', served: true, storage: true}]},
    }
    expect((await call(sandbox, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {body: crd})).status).toBe(201)
    const widget = await call(sandbox, 'POST', '/apis/example.com/v1/namespaces/team-a/widgets', {body: {apiVersion: 'example.com/v1', kind: 'Widget', metadata: {name: 'w'}, spec: {size: 3}}})
    expect(widget.status).toBe(201)
    expect((await call(sandbox, 'GET', '/apis/example.com/v1')).json.resources[0]).toMatchObject({name: 'widgets', kind: 'Widget'})
  })
})

describe('validation', () => {
  test.each([
    ['/api/v1/namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'Team_A'}}, 'Namespace "Team_A" is invalid: metadata.name: Invalid value: "Team_A": a lowercase RFC 1123 label must consist of'],
    ['/api/v1/namespaces/team-a/configmaps', {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'ok', labels: {app: 'bad value'}}}, 'ConfigMap "ok" is invalid: metadata.labels: Invalid value: "bad value": a valid label must be'],
    // Service names are DNS-1035 labels upstream (ValidateServiceName = NameIsDNS1035Label): no leading digit
    ['/api/v1/namespaces/team-a/services', {apiVersion: 'v1', kind: 'Service', metadata: {name: '1web'}, spec: {ports: [{port: 80}]}}, 'Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of'],
  ])('POST %s with a bad name or label is 422', async (path, body, message) => {
    const response = await call(sandbox, 'POST', path, {body})
    expect(response.status).toBe(422)
    expect(response.json.message).toContain(message)
    expect(response.json.details.causes[0]).toMatchObject({reason: 'FieldValueInvalid'})
  })
})
