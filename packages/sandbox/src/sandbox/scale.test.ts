import {afterAll, expect, test} from 'vitest'
import type {KubeObject} from '../store/object-store.js'
import {call} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

const sandboxes: Sandbox[] = []
afterAll(() => Promise.all(sandboxes.map((sandbox) => sandbox.stop())))

test('serves 100,000 pods: a namespace and a filtered page', async () => {
  const pods: KubeObject[] = Array.from({length: 100_000}, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: `pod-${i}`, namespace: `team-${i % 2000}`, labels: {app: `app-${i % 7}`}},
    spec: {containers: [{name: 'app', image: 'app:1', resources: {requests: {cpu: '100m', memory: '128Mi'}}}]},
    status: {phase: 'Running'},
  }))
  // Times are measured by the benchmark suite (npm run bench), not asserted here.
  const sandbox = await startSandbox({controllers: false, objects: pods})
  sandboxes.push(sandbox)
  const list = await call(sandbox, 'GET', '/api/v1/namespaces/team-42/pods')
  expect(list.json.items).toHaveLength(50)
  const page = await call(sandbox, 'GET', '/api/v1/pods?limit=500&labelSelector=app%3Dapp-3')
  expect(page.json.items).toHaveLength(500)
})
