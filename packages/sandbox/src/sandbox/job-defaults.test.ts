import {afterAll, beforeAll, expect, test} from 'vitest'
import {call} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({controllers: false, objects: [{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'ops'}}]})
})
afterAll(() => sandbox.stop())

const job = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {name},
  spec: {template: {metadata: {labels: {app: 'report'}}, spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'x'}]}}, ...spec},
})

// kubernetes pkg/registry/batch/job/strategy.go generateSelector
test("a created Job gets the controller-uid selector and pod-template labels, as the API server's job strategy sets them", async () => {
  const created = await call(sandbox, 'POST', '/apis/batch/v1/namespaces/ops/jobs', {body: job('report')})
  expect(created.status).toBe(201)
  const uid = created.json.metadata.uid
  expect(created.json.spec.selector).toEqual({matchLabels: {'batch.kubernetes.io/controller-uid': uid}})
  expect(created.json.spec.template.metadata.labels).toEqual({
    app: 'report',
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': 'report',
    'controller-uid': uid,
    'job-name': 'report',
  })
})

test('manualSelector keeps the given selector and labels', async () => {
  const created = await call(sandbox, 'POST', '/apis/batch/v1/namespaces/ops/jobs', {
    body: job('manual', {manualSelector: true, selector: {matchLabels: {app: 'report'}}}),
  })
  expect(created.json.spec.selector).toEqual({matchLabels: {app: 'report'}})
  expect(created.json.spec.template.metadata.labels).toEqual({app: 'report'})
})
