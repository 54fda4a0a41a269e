import {describe, expect, test} from 'vitest'
import {parseEndpointSpec} from './endpoint-spec.js'

describe('parseEndpointSpec', () => {
  test.each([
    {text: 'ip:10.0.0.1', spec: {kind: 'ip', ip: '10.0.0.1'}},
    {text: 'ip:fd00::1', spec: {kind: 'ip', ip: 'fd00::1'}},
    {text: 'web-0', spec: {kind: 'pod', name: 'web-0'}},
    {text: 'shop/web-0', spec: {kind: 'pod', namespace: 'shop', name: 'web-0'}},
    {text: 'shop/pod/web-0', spec: {kind: 'pod', namespace: 'shop', name: 'web-0'}},
    {text: 'shop/deployment/web', spec: {kind: 'workload', namespace: 'shop', workload: 'deployment', name: 'web'}},
    {text: 'shop/deploy/web', spec: {kind: 'workload', namespace: 'shop', workload: 'deployment', name: 'web'}},
    {text: 'shop/sts/db', spec: {kind: 'workload', namespace: 'shop', workload: 'statefulset', name: 'db'}},
    {text: 'shop/ds/agent', spec: {kind: 'workload', namespace: 'shop', workload: 'daemonset', name: 'agent'}},
    {text: 'shop/rs/web-5d9f', spec: {kind: 'workload', namespace: 'shop', workload: 'replicaset', name: 'web-5d9f'}},
    {text: 'shop/job/migrate', spec: {kind: 'workload', namespace: 'shop', workload: 'job', name: 'migrate'}},
    {text: 'shop/cj/nightly', spec: {kind: 'workload', namespace: 'shop', workload: 'cronjob', name: 'nightly'}},
  ])('$text', ({text, spec}) => {
    expect(parseEndpointSpec('--from', text)).toEqual(spec)
  })

  test.each([
    {text: 'ip:10.0.0', problem: '"10.0.0" is not an IP address'},
    {text: 'ip:', problem: '"" is not an IP address'},
    {text: 'shop/', problem: 'empty name'},
    {text: '/web', problem: 'empty name'},
    {text: 'Shop/web', problem: '"Shop" is not a valid name'},
    {text: 'shop/service/web', problem: 'expected ns/pod, ns/<workload kind>/name or ip:ADDRESS'},
    {text: 'a/b/c/d', problem: 'expected ns/pod, ns/<workload kind>/name or ip:ADDRESS'},
  ])('$text is rejected: $problem', ({text, problem}) => {
    expect(() => parseEndpointSpec('--to', text)).toThrow(`invalid --to "${text}": ${problem}`)
  })

  test('the message names the input it is given, a flag or a suite field', () => {
    expect(() => parseEndpointSpec('to', 'a/b/c/d')).toThrow(/^invalid to "a\/b\/c\/d": /)
  })
})
