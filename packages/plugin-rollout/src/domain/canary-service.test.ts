import {describe, expect, test} from 'vitest'
import {canaryService, serviceSelectsPods} from './canary-service.js'
import type {Service} from './rollout-objects.js'

const web: Service = {
  metadata: {name: 'web', namespace: 'shop', labels: {team: 'pay'}, resourceVersion: '9'},
  spec: {selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080}], clusterIP: '10.0.0.7', clusterIPs: ['10.0.0.7'], type: 'ClusterIP'},
}

describe('canaryService', () => {
  test('selects canary pods only, keeps ports, drops cluster IPs', () => {
    expect(canaryService(web)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: 'web-canary', namespace: 'shop', labels: {team: 'pay', 'kubeline.dev/track': 'canary'}},
      spec: {selector: {app: 'web', 'kubeline.dev/track': 'canary'}, ports: [{port: 80, targetPort: 8080}], type: 'ClusterIP'},
    })
  })
  test('preview Service for blue/green', () => {
    expect(canaryService(web, 'green').metadata.name).toBe('web-green')
  })
  test('a NodePort Service: node ports are left for the API server to assign', () => {
    const nodePort: Service = {...web, spec: {...web.spec, type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 31999, ports: [{port: 80, nodePort: 30080}]}}
    expect(canaryService(nodePort).spec).toEqual({type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{port: 80}], selector: {app: 'web', 'kubeline.dev/track': 'canary'}})
  })
  // A copy of a LoadBalancer Service would get a second external load balancer, reaching the canary
  // past the router's weights, and would claim the stable's addresses (externalIPs, loadBalancerIP).
  test('a LoadBalancer Service: the copy is a NodePort Service that claims no external address', () => {
    const loadBalancer: Service = {
      ...web,
      spec: {
        ...web.spec, type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 31999, ports: [{port: 80, nodePort: 30080}],
        externalIPs: ['198.51.100.7'], loadBalancerIP: '203.0.113.20', loadBalancerSourceRanges: ['10.0.0.0/8'], loadBalancerClass: 'example.com/lb', allocateLoadBalancerNodePorts: true,
      },
    }
    expect(canaryService(loadBalancer).spec).toEqual({type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{port: 80}], selector: {app: 'web', 'kubeline.dev/track': 'canary'}})
  })
  test('externalIPs of a ClusterIP Service are not copied', () => {
    expect(canaryService({...web, spec: {...web.spec, externalIPs: ['198.51.100.7']}}).spec['externalIPs']).toBeUndefined()
  })
})

describe('serviceSelectsPods', () => {
  const rows: {name: string; selector: Record<string, string>; labels: Record<string, string> | undefined; want: boolean}[] = [
    {name: 'subset matches', selector: {app: 'web'}, labels: {app: 'web', tier: 'front'}, want: true},
    {name: 'value differs', selector: {app: 'web'}, labels: {app: 'api'}, want: false},
    {name: 'key missing', selector: {app: 'web', tier: 'front'}, labels: {app: 'web'}, want: false},
    {name: 'empty selector selects nothing', selector: {}, labels: {app: 'web'}, want: false},
    {name: 'no pod labels', selector: {app: 'web'}, labels: undefined, want: false},
  ]
  test.each(rows)('$name', ({selector, labels, want}) => expect(serviceSelectsPods({...web, spec: {selector}}, labels)).toBe(want))
})
