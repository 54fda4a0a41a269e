import {afterAll, beforeAll, expect, test} from 'vitest'
import {call, eventually, stream} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

const pod = (name: string, containers: string[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name, namespace: 'default'},
  spec: {containers: containers.map((c) => ({name: c, image: 'busybox'}))},
  status: {phase: 'Running'},
})

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({controllers: false, objects: [pod('worker', ['main']), pod('pair', ['a', 'b'])]})
})
afterAll(() => sandbox.stop())

test('pods/log returns the appended lines; tailLines keeps the last ones', async () => {
  for (const line of ['one', 'two', 'three']) sandbox.podLogs.append('default', 'worker', 'main', line)
  expect((await call(sandbox, 'GET', '/api/v1/namespaces/default/pods/worker/log')).text).toBe('one\ntwo\nthree\n')
  expect((await call(sandbox, 'GET', '/api/v1/namespaces/default/pods/worker/log?tailLines=1')).text).toBe('three\n')
})

test('a pod with several containers needs ?container=', async () => {
  const response = await call(sandbox, 'GET', '/api/v1/namespaces/default/pods/pair/log')
  expect(response.status).toBe(400)
  expect(response.json.message).toBe('a container name must be specified for pod pair, choose one of: [a b]')
})

test('follow=true streams new lines until the container closes', async () => {
  const lines: string[] = []
  const follow = await stream(sandbox, '/api/v1/namespaces/default/pods/pair/log?container=b&follow=true', (line) => lines.push(line))
  sandbox.podLogs.append('default', 'pair', 'b', 'started')
  await eventually(() => lines.length === 1)
  await call(sandbox, 'POST', '/_sandbox/logs', {body: {namespace: 'default', pod: 'pair', container: 'b', lines: ['working', 'done'], finish: true}})
  await follow.ended
  expect(lines).toEqual(['started', 'working', 'done'])
})
