import {afterAll, beforeAll, expect, test} from 'vitest'
import {call} from '../test-support/sandbox-client.js'
import type {Sandbox} from './start-sandbox.js'
import {startSandbox} from './start-sandbox.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({
    controllers: false,
    objects: [{apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'dev'}}, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'prod'}}],
    users: [{name: 'alice', token: 'alice-token', rules: [{verbs: ['get', 'list', 'watch'], resources: ['pods', 'deployments'], namespaces: ['dev']}]}],
  })
})
afterAll(() => sandbox.stop())

test('no or an unknown token is 401 with an Unauthorized Status', async () => {
  for (const token of [null, 'wrong']) {
    const response = await call(sandbox, 'GET', '/api/v1/pods', {token})
    expect(response.status).toBe(401)
    expect(response.json).toEqual({kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401})
  }
})

test.each([
  ['/api/v1/namespaces/prod/pods', 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "prod"', {kind: 'pods'}],
  ['/api/v1/pods', 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" at the cluster scope', {kind: 'pods'}],
  [
    '/apis/apps/v1/namespaces/prod/deployments/web',
    'deployments.apps "web" is forbidden: User "alice" cannot get resource "deployments" in API group "apps" in the namespace "prod"',
    {name: 'web', group: 'apps', kind: 'deployments'},
  ],
  ['/api/v1/namespaces/dev/pods/p/log', 'pods "p" is forbidden: User "alice" cannot get resource "pods/log" in API group "" in the namespace "dev"', {name: 'p', kind: 'pods'}],
])('GET %s is 403 with kube-apiserver wording', async (path, message, details) => {
  const response = await call(sandbox, 'GET', path, {token: 'alice-token'})
  expect(response.status).toBe(403)
  expect(response.json).toEqual({kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403})
})

test('a user can do what a rule allows, and discovery', async () => {
  expect((await call(sandbox, 'GET', '/api/v1/namespaces/dev/pods', {token: 'alice-token'})).status).toBe(200)
  expect((await call(sandbox, 'GET', '/apis/apps/v1', {token: 'alice-token'})).status).toBe(200)
  expect((await call(sandbox, 'GET', '/_sandbox/requests', {token: 'alice-token'})).status).toBe(403)
})

test('writes a kubeconfig per user', async () => {
  const {readFile} = await import('node:fs/promises')
  const path = await sandbox.writeKubeconfig('alice')
  const text = await readFile(path, 'utf8')
  expect(text).toContain('token: alice-token')
  expect(text).toContain(`server: ${sandbox.url}`)
  expect(text).toContain('current-context: kubeline-sandbox-alice')
})

test.each([
  [{verb: 'list', resource: 'pods', namespace: 'dev'}, true],
  [{verb: 'list', resource: 'pods', namespace: 'prod'}, false],
  [{verb: 'delete', resource: 'pods', namespace: 'dev'}, false],
])('a SelfSubjectAccessReview for %j is allowed: %s', async (resourceAttributes, allowed) => {
  const review = {apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: {resourceAttributes}}
  const response = await call(sandbox, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {body: review, token: 'alice-token'})
  expect(response.status).toBe(201)
  expect(response.json.status.allowed).toBe(allowed)
})
