import {describe, expect, test} from 'vitest'
import {podsWithAddress} from './pods-with-address.js'
import {pod} from './test-support/cluster-builders.js'

const pods = [
  pod('x/a', {}, '10.0.0.1'),
  pod('x/dual', {}, ['10.0.0.2', 'fd00::2']),
  pod('y/b', {}, '10.0.0.1'),
  pod('x/node-agent', {}, '192.168.0.5', {hostNetwork: true}),
]

describe('podsWithAddress', () => {
  test.each([
    {name: 'the IP of one pod', address: '10.0.0.2', want: ['x/dual']},
    {name: 'an IPv6 address, written differently from the pod status', address: 'fd00:0::0:2', want: ['x/dual']},
    {name: 'an IP two pods report (a reused address): both', address: '10.0.0.1', want: ['x/a', 'y/b']},
    {name: 'a host-network pod\'s IP is its node\'s: evaluating it as an address is right', address: '192.168.0.5', want: []},
    {name: 'an address no pod has', address: '203.0.113.7', want: []},
    {name: 'an IPv4-mapped IPv6 address is not the IPv4 pod IP (it only matches IPv6 blocks)', address: '::ffff:10.0.0.2', want: []},
  ])('$name', ({address, want}) => {
    expect(podsWithAddress(pods, address)).toEqual(want)
  })
})
