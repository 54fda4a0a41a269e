import {describe, expect, test} from 'vitest'
import type {Service} from './kubernetes-objects.js'
import {quotaTracksResource} from './quota-scopes.js'
import {serviceUsage} from './service-usage.js'

const service = (spec: Service['spec']): Service => ({apiVersion: 'v1', kind: 'Service', metadata: {name: 's', namespace: 'ns'}, spec})
const usage = (loadbalancers: string, nodeports: string) => ({services: '1', 'count/services': '1', 'services.loadbalancers': loadbalancers, 'services.nodeports': nodeports})
const ports = (...nodePorts: (number | undefined)[]) => nodePorts.map((nodePort, i) => ({port: 27443 + i, ...(nodePort === undefined ? {} : {nodePort})}))

// kubernetes pkg/quota/v1/evaluator/core/services_test.go TestServiceEvaluatorUsage.
describe('serviceUsage', () => {
  test.each([
    {name: 'loadbalancer', spec: {type: 'LoadBalancer'}, usage: usage('1', '0')},
    {name: 'loadbalancer_ports', spec: {type: 'LoadBalancer', ports: ports(undefined)}, usage: usage('1', '1')},
    {name: 'loadbalancer_2_ports', spec: {type: 'LoadBalancer', ports: ports(undefined, undefined)}, usage: usage('1', '2')},
    {name: 'clusterip', spec: {type: 'ClusterIP'}, usage: usage('0', '0')},
    {name: 'nodeports', spec: {type: 'NodePort', ports: ports(undefined)}, usage: usage('0', '1')},
    {name: 'multi-nodeports', spec: {type: 'NodePort', ports: ports(undefined, undefined)}, usage: usage('0', '2')},
    {name: 'nodeports-disabled', spec: {type: 'LoadBalancer', ports: ports(undefined, undefined), allocateLoadBalancerNodePorts: false}, usage: usage('1', '0')},
    {name: 'nodeports-default-enabled', spec: {type: 'LoadBalancer', ports: ports(32001, 32002), allocateLoadBalancerNodePorts: null}, usage: usage('1', '2')},
    {name: 'nodeports-explicitly-enabled', spec: {type: 'LoadBalancer', ports: ports(undefined, undefined), allocateLoadBalancerNodePorts: true}, usage: usage('1', '2')},
    {name: 'nodeports-disabled-but-specified', spec: {type: 'LoadBalancer', ports: ports(32001, 32002), allocateLoadBalancerNodePorts: false}, usage: usage('1', '2')},
    // Beyond the table.
    {name: 'no type means ClusterIP', spec: {ports: ports(undefined)}, usage: usage('0', '0')},
    {name: 'ExternalName charges no node ports', spec: {type: 'ExternalName', ports: ports(undefined)}, usage: usage('0', '0')},
    {name: 'disabled allocation counts only explicit node ports', spec: {type: 'LoadBalancer', ports: ports(32001, undefined, 0), allocateLoadBalancerNodePorts: false}, usage: usage('1', '1')},
  ])('$name', ({spec, usage: want}) => expect(serviceUsage(service(spec))).toEqual(want))
})

// services_test.go TestServiceEvaluatorMatchesResources.
describe('service matching resources', () => {
  test.each([
    {resource: 'configmaps', tracked: false},
    {resource: 'cpu', tracked: false},
    {resource: 'services', tracked: true},
    {resource: 'services.nodeports', tracked: true},
    {resource: 'services.loadbalancers', tracked: true},
  ])('$resource: $tracked', ({resource, tracked}) => expect(quotaTracksResource('services', resource)).toBe(tracked))
})
