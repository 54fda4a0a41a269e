import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {runKubectl} from '../test-support/run-kubectl.js'
import {call, eventually} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

const runningPod = (namespace: string, name: string, ip: string, extraSpec: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, namespace},
  spec: {containers: [{name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53'}], nodeName: 'sandbox-node', ...extraSpec},
  status: {phase: 'Running', podIP: ip, podIPs: [{ip}]},
})
const probeContainer = (name: string, targets: string) => ({
  name,
  image: 'registry.k8s.io/e2e-test-images/agnhost:2.53',
  command: ['/bin/sh', '-c', 'for t in $KUBELINE_PROBE_TARGETS; do ...; done'],
  env: [{name: 'KUBELINE_PROBE_TARGETS', value: targets}, {name: 'KUBELINE_PROBE_TIMEOUT', value: '1'}],
  resources: {},
})
const path = (namespace: string, pod: string) => `/api/v1/namespaces/${namespace}/pods/${pod}/ephemeralcontainers`
const strategicPatch = 'application/strategic-merge-patch+json'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({
    controllers: {podStartDelayMs: 10},
    objects: [runningPod('x', 'a', '10.244.1.5'), runningPod('y', 'b', '10.244.2.7'), runningPod('y', 'c', '10.244.2.8', {initContainers: [{name: 'setup', image: 'busybox'}]}),
      {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'pending', namespace: 'y', annotations: {'sandbox.kubeline.dev/start-delay': '1h'}}, spec: {containers: [{name: 'app', image: 'app:1'}]}},
    ],
    network: {
      apiVersion: 'sandbox.kubeline.dev/v1alpha1',
      kind: 'NetworkSimulation',
      connections: [
        {from: 'x/a', to: 'y/b', port: 80, protocol: 'TCP', result: 'allow'},
        {from: 'x/a', to: 'y/*', result: 'deny'},
        {from: '*', to: 'ip:8.8.8.0/24', result: 'refuse'},
      ],
    },
    users: [
      {name: 'prober', token: 'prober-token', rules: [{verbs: ['get'], resources: ['pods', 'pods/log']}, {verbs: ['patch'], resources: ['pods/ephemeralcontainers']}]},
      {name: 'pod-patcher', token: 'pod-patcher-token', rules: [{verbs: ['get', 'patch', 'update'], resources: ['pods']}]},
    ],
  })
})
afterAll(() => sandbox.stop())

const ephemeralStatus = (namespace: string, pod: string, container: string) =>
  (sandbox.store.get({group: '', resource: 'pods'}, namespace, pod)?.status as {ephemeralContainerStatuses?: {name: string; state: Record<string, {exitCode?: number; reason?: string}>}[]})
    ?.ephemeralContainerStatuses?.find((status) => status.name === container)

describe('pods/ephemeralcontainers', () => {
  test('a strategic merge patch adds a probe container; its log has one line per target from the network simulation', async () => {
    const targets = 'tcp:10.244.2.7:80 tcp:10.244.2.8:80 udp:[fd00::9]:53 tcp:8.8.8.8:443 tcp:10.244.2.7:81'
    const response = await call(sandbox, 'PATCH', path('x', 'a'), {body: {spec: {ephemeralContainers: [probeContainer('probe-1', targets)]}}, contentType: strategicPatch, token: 'prober-token'})
    expect(response.status).toBe(200)
    expect(response.json.kind).toBe('Pod')
    expect(response.json.spec.ephemeralContainers.map((c: {name: string}) => c.name)).toEqual(['probe-1'])
    await eventually(() => ephemeralStatus('x', 'a', 'probe-1')?.state.terminated !== undefined)
    expect(ephemeralStatus('x', 'a', 'probe-1')?.state.terminated).toMatchObject({exitCode: 0, reason: 'Completed'})
    const log = await call(sandbox, 'GET', '/api/v1/namespaces/x/pods/a/log?container=probe-1', {token: 'prober-token'})
    expect(log.text).toBe(['tcp:10.244.2.7:80 0 OK', 'tcp:10.244.2.8:80 1 TIMEOUT', 'udp:[fd00::9]:53 0 OK', 'tcp:8.8.8.8:443 1 REFUSED', 'tcp:10.244.2.7:81 1 TIMEOUT', ''].join('\n'))
  })

  test('GET answers the pod; PUT (update) adds a container too', async () => {
    const pod = (await call(sandbox, 'GET', path('y', 'b'))).json
    expect(pod.metadata.name).toBe('b')
    const updated = {...pod, spec: {...pod.spec, ephemeralContainers: [probeContainer('probe-put', 'tcp:10.244.1.5:8080')]}}
    const response = await call(sandbox, 'PUT', path('y', 'b'), {body: updated})
    expect(response.status).toBe(200)
    await eventually(() => ephemeralStatus('y', 'b', 'probe-put')?.state.terminated !== undefined)
    expect((await call(sandbox, 'GET', '/api/v1/namespaces/y/pods/b/log?container=probe-put')).text).toBe('tcp:10.244.1.5:8080 0 OK\n')
  })

  test('only spec.ephemeralContainers changes: labels and other spec fields in the body are ignored', async () => {
    const body = {metadata: {labels: {sneaky: 'yes'}}, spec: {containers: [{name: 'app', image: 'evil'}], ephemeralContainers: [{name: 'shell', image: 'busybox'}]}}
    const response = await call(sandbox, 'PATCH', path('y', 'c'), {body, contentType: strategicPatch})
    expect(response.status).toBe(200)
    expect(response.json.metadata.labels).toBeUndefined()
    expect(response.json.spec.containers).toEqual([{name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53'}])
    await eventually(() => ephemeralStatus('y', 'c', 'shell')?.state.running !== undefined)
  })

  test.each([
    {name: 'image missing', container: {name: 'dbg'}, message: 'Pod "c" is invalid: spec.ephemeralContainers[1].image: Required value'},
    {name: 'name taken by a container', container: {name: 'app', image: 'busybox'}, message: 'Pod "c" is invalid: spec.ephemeralContainers[1].name: Duplicate value: "app"'},
    {name: 'name taken by an init container', container: {name: 'setup', image: 'busybox'}, message: 'Pod "c" is invalid: spec.ephemeralContainers[1].name: Duplicate value: "setup"'},
    {name: 'name not a DNS label', container: {name: 'Debug_1', image: 'busybox'}, message: expect.stringContaining('spec.ephemeralContainers[1].name: Invalid value: "Debug_1": a lowercase RFC 1123 label')},
    {name: 'ports', container: {name: 'dbg', image: 'busybox', ports: [{containerPort: 80}]}, message: 'Pod "c" is invalid: spec.ephemeralContainers[1].ports: Forbidden: cannot be set for an Ephemeral Container'},
    {name: 'resources', container: {name: 'dbg', image: 'busybox', resources: {limits: {cpu: '1'}}}, message: 'Pod "c" is invalid: spec.ephemeralContainers[1].resources: Forbidden: cannot be set for an Ephemeral Container'},
    {name: 'a probe', container: {name: 'dbg', image: 'busybox', readinessProbe: {exec: {command: ['true']}}}, message: 'Pod "c" is invalid: spec.ephemeralContainers[1].readinessProbe: Forbidden: cannot be set for an Ephemeral Container'},
    {name: 'lifecycle', container: {name: 'dbg', image: 'busybox', lifecycle: {preStop: {exec: {command: ['true']}}}}, message: 'Pod "c" is invalid: spec.ephemeralContainers[1].lifecycle: Forbidden: cannot be set for an Ephemeral Container'},
    {name: 'an unknown target container', container: {name: 'dbg', image: 'busybox', targetContainerName: 'nope'}, message: 'Pod "c" is invalid: spec.ephemeralContainers[1].targetContainerName: Not found: "nope"'},
  ])('422 for $name', async ({container, message}) => {
    const response = await call(sandbox, 'PATCH', path('y', 'c'), {body: {spec: {ephemeralContainers: [container]}}, contentType: strategicPatch})
    expect(response.status).toBe(422)
    expect(response.json).toMatchObject({reason: 'Invalid', message, details: {name: 'c', kind: 'Pod'}})
  })

  test('existing ephemeral containers may not be changed or removed', async () => {
    const changed = await call(sandbox, 'PATCH', path('y', 'c'), {body: {spec: {ephemeralContainers: [{name: 'shell', image: 'alpine'}]}}, contentType: strategicPatch})
    expect(changed.status).toBe(422)
    expect(changed.json.message).toBe('Pod "c" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "shell" may not be changed')
    const removed = await call(sandbox, 'PATCH', path('y', 'c'), {body: {spec: {ephemeralContainers: []}}, contentType: 'application/merge-patch+json'})
    expect(removed.status).toBe(422)
    expect(removed.json.message).toBe('Pod "c" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "shell" may not be removed')
  })

  test('a PUT with a stale resourceVersion is a 409 Conflict', async () => {
    const pod = (await call(sandbox, 'GET', path('y', 'b'))).json
    const stale = {...pod, metadata: {...pod.metadata, resourceVersion: '1'}, spec: {...pod.spec, ephemeralContainers: [...(pod.spec.ephemeralContainers ?? []), {name: 'late', image: 'busybox'}]}}
    const response = await call(sandbox, 'PUT', path('y', 'b'), {body: stale})
    expect(response.status).toBe(409)
    expect(response.json.reason).toBe('Conflict')
  })

  test('JSON patch works too', async () => {
    const patch = [{op: 'add', path: '/spec/ephemeralContainers/-', value: {name: 'json-dbg', image: 'busybox'}}]
    const response = await call(sandbox, 'PATCH', path('y', 'c'), {body: patch, contentType: 'application/json-patch+json'})
    expect(response.status).toBe(200)
    expect(response.json.spec.ephemeralContainers.map((c: {name: string}) => c.name)).toEqual(['shell', 'json-dbg'])
  })

  test('404 for a missing pod', async () => {
    const response = await call(sandbox, 'PATCH', path('x', 'nope'), {body: {spec: {ephemeralContainers: []}}, contentType: strategicPatch})
    expect(response.status).toBe(404)
    expect(response.json.message).toBe('pods "nope" not found')
  })

  test('RBAC: patch on pods is not enough, patch on pods/ephemeralcontainers is', async () => {
    const response = await call(sandbox, 'PATCH', path('y', 'b'), {body: {spec: {ephemeralContainers: []}}, contentType: strategicPatch, token: 'pod-patcher-token'})
    expect(response.status).toBe(403)
    expect(response.json.message).toBe('pods "b" is forbidden: User "pod-patcher" cannot patch resource "pods/ephemeralcontainers" in API group "" in the namespace "y"')
  })

  test('the log of an ephemeral container in a pod that has not started is not available', async () => {
    const created = await call(sandbox, 'PATCH', path('y', 'pending'), {body: {spec: {ephemeralContainers: [{name: 'dbg', image: 'busybox'}]}}, contentType: strategicPatch})
    expect(created.status).toBe(200)
    const response = await call(sandbox, 'GET', '/api/v1/namespaces/y/pods/pending/log?container=dbg')
    expect(response.status).toBe(400)
    expect(response.json.message).toBe('container "dbg" in pod "pending" is not available')
  })

  test('a log request for an unknown container names the pod', async () => {
    const response = await call(sandbox, 'GET', '/api/v1/namespaces/y/pods/c/log?container=ghost')
    expect(response.status).toBe(400)
    expect(response.json.message).toBe('container ghost is not valid for pod c')
  })

  test('discovery lists the subresources', async () => {
    const resources = (await call(sandbox, 'GET', '/api/v1')).json.resources as {name: string; kind: string; verbs: string[]}[]
    expect(resources.filter((r) => r.name.startsWith('pods/'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({name: 'pods/ephemeralcontainers', kind: 'Pod', verbs: ['get', 'patch', 'update']}),
        expect.objectContaining({name: 'pods/exec', kind: 'PodExecOptions', verbs: ['create', 'get']}),
      ]),
    )
  })
})

describe('kubectl as the oracle', () => {
  test('kubectl debug adds a running ephemeral container', async () => {
    const result = await runKubectl(sandbox.kubeconfigPath, ['debug', 'b', '-n', 'y', '--image=busybox', '--', 'true'])
    expect(result.stderr).not.toMatch(/error/i)
    expect(result.code).toBe(0)
    const pod = sandbox.store.get({group: '', resource: 'pods'}, 'y', 'b')!
    const added = (pod.spec as {ephemeralContainers: {name: string; image: string; command?: string[]; args?: string[]}[]}).ephemeralContainers.find((c) => c.image === 'busybox')!
    expect(added.name).toMatch(/^debugger-/)
    await eventually(() => ephemeralStatus('y', 'b', added.name)?.state.running !== undefined)
  })

  test('kubectl logs -c shows the probe lines of a probe container', async () => {
    await call(sandbox, 'PATCH', path('x', 'a'), {body: {spec: {ephemeralContainers: [probeContainer('probe-kubectl', 'tcp:10.244.2.7:80 tcp:10.244.2.7:22')]}}, contentType: strategicPatch})
    await eventually(() => ephemeralStatus('x', 'a', 'probe-kubectl')?.state.terminated !== undefined)
    const result = await runKubectl(sandbox.kubeconfigPath, ['logs', 'a', '-n', 'x', '-c', 'probe-kubectl'])
    expect(result.stdout).toBe('tcp:10.244.2.7:80 0 OK\ntcp:10.244.2.7:22 1 TIMEOUT\n')
  })
})

test('the log of an ephemeral container still waiting is refused as the kubelet refuses it', async () => {
  // Sandbox time stands still until advanced, so the container stays waiting while the log is asked for.
  const still = await startSandbox({timeScale: 0, controllers: {podStartDelayMs: 100}, objects: [runningPod('y', 'b', '10.244.2.7')]})
  try {
    const created = await call(still, 'PATCH', path('y', 'b'), {body: {spec: {ephemeralContainers: [probeContainer('early', 'tcp:10.244.2.7:80')]}}, contentType: strategicPatch})
    expect(created.status).toBe(200)
    const podStatus = () => still.store.get({group: '', resource: 'pods'}, 'y', 'b')!.status as {ephemeralContainerStatuses?: {state: object}[]}
    await eventually(() => podStatus().ephemeralContainerStatuses !== undefined)
    const waiting = await call(still, 'GET', '/api/v1/namespaces/y/pods/b/log?container=early')
    expect(waiting.status).toBe(400)
    expect(waiting.json.message).toBe('container "early" in pod "b" is waiting to start: ContainerCreating')
    still.clock.advance(100)
    await eventually(() => 'terminated' in podStatus().ephemeralContainerStatuses![0]!.state)
    expect((await call(still, 'GET', '/api/v1/namespaces/y/pods/b/log?container=early&follow=true')).text).toBe('tcp:10.244.2.7:80 0 OK\n')
  } finally {
    await still.stop()
  }
})
