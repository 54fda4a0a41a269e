import {describe, expect, test} from 'vitest'
import {addresslessIpBlockPeers} from './addressless-peers.js'
import {evaluateTraffic} from './evaluate-traffic.js'
import type {ClusterState, NetworkPolicyObject, PodObject} from './kube-objects.js'
import {cluster, networkPolicy, pod} from './test-support/cluster-builders.js'

/** A pod as `-f` makes it from a workload's template: no status, so no IP. */
const addressless = (ref: string, labels: Record<string, string>): PodObject => {
  const {status: _status, ...withoutStatus} = pod(ref, labels, [])
  return withoutStatus
}
const egressAnywhere = networkPolicy('x/egress-anywhere', {podSelector: {matchLabels: {app: 'api'}}, policyTypes: ['Egress'], egress: [{to: [{ipBlock: {cidr: '0.0.0.0/0'}}]}]})
const ingressFromNodes = networkPolicy('x/from-nodes', {podSelector: {matchLabels: {app: 'web'}}, ingress: [{from: [{ipBlock: {cidr: '0.0.0.0/0'}}]}]})
const egressToWebPods = networkPolicy('x/to-web', {podSelector: {matchLabels: {app: 'api'}}, policyTypes: ['Egress'], egress: [{to: [{podSelector: {matchLabels: {app: 'nope'}}}]}]})

function blindSpots(policies: NetworkPolicyObject[], pods: PodObject[], ipBlockMatchesPods = true) {
  const state: ClusterState = cluster({pods, networkPolicies: policies})
  const verdict = evaluateTraffic(state, {source: {namespace: 'x', name: 'api'}, destination: {namespace: 'x', name: 'web'}, port: 80, protocol: 'TCP'}, {ipBlockMatchesPods})
  return addresslessIpBlockPeers(state, verdict, {ipBlockMatchesPods})
}

describe('addresslessIpBlockPeers: the pods an ipBlock could not be matched against because they have no IP', () => {
  test.each([
    {name: 'egress denied, the destination has no IP, an egress ipBlock selects the source', policies: [egressAnywhere], ips: {api: true, web: false},
      want: [{pod: 'x/web', direction: 'egress', policies: [{kind: 'NetworkPolicy', name: 'egress-anywhere', namespace: 'x'}]}]},
    {name: 'ingress denied, the source has no IP, an ingress ipBlock selects the destination', policies: [ingressFromNodes], ips: {api: false, web: true},
      want: [{pod: 'x/api', direction: 'ingress', policies: [{kind: 'NetworkPolicy', name: 'from-nodes', namespace: 'x'}]}]},
    {name: 'both pods have IPs: the ipBlock was matched, nothing to say', policies: [egressAnywhere], ips: {api: true, web: true}, want: []},
    {name: 'the isolating policies have no ipBlock peer', policies: [egressToWebPods], ips: {api: true, web: false}, want: []},
    {name: 'the source has no IP, but only egress of the source is denied (no ingress ipBlock)', policies: [egressAnywhere], ips: {api: false, web: false},
      want: [{pod: 'x/web', direction: 'egress', policies: [{kind: 'NetworkPolicy', name: 'egress-anywhere', namespace: 'x'}]}]},
  ])('$name', ({policies, ips, want}) => {
    const api = ips.api ? pod('x/api', {app: 'api'}, '10.0.0.1') : addressless('x/api', {app: 'api'})
    const web = ips.web ? pod('x/web', {app: 'web'}, '10.0.0.2') : addressless('x/web', {app: 'web'})
    expect(blindSpots(policies, [api, web])).toEqual(want)
  })

  test('with --no-ipblock-matches-pods an ipBlock never matches a pod anyway: nothing to say', () => {
    expect(blindSpots([egressAnywhere], [pod('x/api', {app: 'api'}, '10.0.0.1'), addressless('x/web', {app: 'web'})], false)).toEqual([])
  })
})
