import {afterAll, expect, test} from 'vitest'
import type {KubeObject} from '../store/object-store.js'
import {call} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

const sandboxes: Sandbox[] = []
afterAll(() => Promise.all(sandboxes.map((sandbox) => sandbox.stop())))

test('an empty sandbox starts (certificates, server, kubeconfig) in under 300 ms (best of three, ~10 ms idle)', async () => {
  const durations: number[] = []
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    sandboxes.push(await startSandbox({controllers: false}))
    durations.push(performance.now() - started)
  }
  expect(Math.min(...durations)).toBeLessThan(300)
})

test('100,000 pods load in seconds and a namespace lists fast', async () => {
  const pods: KubeObject[] = Array.from({length: 100_000}, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name: `pod-${i}`, namespace: `team-${i % 2000}`, labels: {app: `app-${i % 7}`}},
    spec: {containers: [{name: 'app', image: 'app:1', resources: {requests: {cpu: '100m', memory: '128Mi'}}}]},
    status: {phase: 'Running'},
  }))
  const started = performance.now()
  const sandbox = await startSandbox({controllers: false, objects: pods})
  sandboxes.push(sandbox)
  expect(performance.now() - started).toBeLessThan(20_000) // about 2 s on an idle machine
  const listStarted = performance.now()
  const list = await call(sandbox, 'GET', '/api/v1/namespaces/team-42/pods')
  expect(list.json.items).toHaveLength(50)
  expect(performance.now() - listStarted).toBeLessThan(500)
  const page = await call(sandbox, 'GET', '/api/v1/pods?limit=500&labelSelector=app%3Dapp-3')
  expect(page.json.items).toHaveLength(500)
})
