import {expect, test} from 'vitest'
import {parseRequestInfo} from './request-info.js'

// Cases after k8s.io/apiserver/pkg/endpoints/request/requestinfo_test.go (TestGetAPIRequestInfo).
test.each([
  ['GET', '/api/v1/namespaces', {verb: 'list', group: '', resource: 'namespaces', namespace: undefined, name: undefined}],
  ['GET', '/api/v1/namespaces/other', {verb: 'get', resource: 'namespaces', namespace: 'other', name: 'other'}],
  ['GET', '/api/v1/namespaces/other/pods', {verb: 'list', resource: 'pods', namespace: 'other'}],
  ['GET', '/api/v1/namespaces/other/pods/foo', {verb: 'get', resource: 'pods', namespace: 'other', name: 'foo'}],
  ['GET', '/api/v1/namespaces/other/pods/foo/log', {verb: 'get', resource: 'pods', name: 'foo', subresource: 'log'}],
  ['GET', '/api/v1/pods', {verb: 'list', resource: 'pods', namespace: undefined}],
  ['GET', '/api/v1/pods?watch=true', {verb: 'watch', resource: 'pods'}],
  ['PUT', '/api/v1/namespaces/other/finalize', {verb: 'update', resource: 'namespaces', name: 'other', subresource: 'finalize'}],
  ['PUT', '/api/v1/namespaces/other/status', {verb: 'update', resource: 'namespaces', name: 'other', subresource: 'status'}],
  ['POST', '/apis/apps/v1/namespaces/other/deployments', {verb: 'create', group: 'apps', version: 'v1', resource: 'deployments'}],
  ['PATCH', '/apis/apps/v1/namespaces/other/deployments/web/scale', {verb: 'patch', subresource: 'scale', name: 'web'}],
  ['DELETE', '/api/v1/namespaces/other/pods', {verb: 'deletecollection', resource: 'pods'}],
  ['DELETE', '/api/v1/namespaces/other/pods/foo', {verb: 'delete', name: 'foo'}],
  ['GET', '/apis/storage.k8s.io/v1/storageclasses/fast', {verb: 'get', group: 'storage.k8s.io', resource: 'storageclasses', name: 'fast', namespace: undefined}],
])('%s %s', (method, path, want) => {
  expect(parseRequestInfo(method, new URL(path, 'https://sandbox'))).toMatchObject({kind: 'resource', ...want})
})

test.each(['/version', '/api', '/apis', '/apis/apps', '/openapi/v3', '/healthz'])('%s is a non-resource path', (path) => {
  expect(parseRequestInfo('GET', new URL(path, 'https://sandbox'))).toEqual({kind: 'nonResource', verb: 'get', path})
})
