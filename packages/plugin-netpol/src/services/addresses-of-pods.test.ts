import {describe, expect, test} from 'vitest'
import {pod} from '../domain/test-support/cluster-builders.js'
import {addressesOfPods} from './addresses-of-pods.js'
import type {EndpointPlace} from './addresses-of-pods.js'
import {parseEndpointSpec} from './endpoint-spec.js'

const pods = [pod('x/a', {}, '10.0.0.1'), pod('x/b', {}, '10.0.0.2')]
const from: EndpointPlace = {flag: '--from'}
const to: EndpointPlace = {flag: '--to'}
const inCase = (field: 'from' | 'to', testCase: string): EndpointPlace => ({field, testCase, suite: 'shop'})

describe('addressesOfPods', () => {
  test.each([
    {name: 'ip: of a pod', endpoints: [{place: from, text: 'ip:10.0.0.1'}], want: [{place: from, address: '10.0.0.1', pods: ['x/a']}]},
    {name: 'ip: of no pod', endpoints: [{place: to, text: 'ip:203.0.113.7'}], want: []},
    {name: 'a pod named as a pod', endpoints: [{place: from, text: 'x/a'}], want: []},
    {
      name: 'both ends, each the address of a pod',
      endpoints: [{place: from, text: 'ip:10.0.0.1'}, {place: to, text: 'ip:10.0.0.2'}],
      want: [{place: from, address: '10.0.0.1', pods: ['x/a']}, {place: to, address: '10.0.0.2', pods: ['x/b']}],
    },
    {
      name: 'an address written in several cases: once, where it is first written',
      endpoints: [{place: inCase('to', 'one'), text: 'ip:10.0.0.2'}, {place: inCase('from', 'two'), text: 'ip:10.0.0.2'}, {place: inCase('to', 'three'), text: 'ip:10.0.0.2'}],
      want: [{place: inCase('to', 'one'), address: '10.0.0.2', pods: ['x/b']}],
    },
  ])('$name', ({endpoints, want}) => {
    expect(addressesOfPods(pods, endpoints.map(({place, text}) => ({place, spec: parseEndpointSpec('--from', text)})))).toEqual(want)
  })
})
