import {expect, test} from 'vitest'
import {objectName} from './object-name.js'

// Cases follow cli-runtime printers/name.go: lower-cased kind, ".group" unless core, "<unknown>" without a name.
test.each([
  {apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', want: 'deployment.apps/web'},
  {apiVersion: 'v1', kind: 'Pod', name: 'x', want: 'pod/x'},
  {apiVersion: 'batch/v1', kind: 'Job', name: 'y', want: 'job.batch/y'},
  {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', name: 'deny', want: 'networkpolicy.networking.k8s.io/deny'},
  {apiVersion: 'v1', kind: 'ResourceQuota', name: undefined, want: 'resourcequota/<unknown>'},
])('$want', ({apiVersion, kind, name, want}) => {
  expect(objectName({apiVersion, kind, metadata: name === undefined ? {} : {name}})).toBe(want)
})
