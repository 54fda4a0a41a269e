// The podSelector / namespaceSelector cases listed in policy-assistant podpeermatcher.go, as rows.
import {LabelSelector, labelSelectorFromObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {parseCidr, parseIpAddress} from './cidr.js'
import type {Endpoint, PodEndpoint} from './endpoint.js'
import type {NamespaceMatcher, PeerMatcher} from './peer-matcher.js'
import {peerMatcherKey, peerMatches} from './peer-matcher.js'

const ip = (text: string) => parseIpAddress(text) ?? {family: 4 as const, value: 0n}
const podIn = (namespace: string, labels: Record<string, string>, extra: Partial<PodEndpoint> = {}): PodEndpoint => ({
  kind: 'pod', namespace, name: 'p', labels, namespaceLabels: {'kubernetes.io/metadata.name': namespace, env: namespace === 'prod' ? 'prod' : 'dev'}, hostNetwork: false, ips: [ip('10.0.0.7')], namedPorts: [], ...extra,
})
const external: Endpoint = {kind: 'external', ip: ip('10.0.0.7'), text: '10.0.0.7'}
const pods = (namespaces: NamespaceMatcher, selector: LabelSelector): PeerMatcher => ({kind: 'pods', namespaces, pods: selector})
const web = labelSelectorFromObject({matchLabels: {app: 'web'}})
const prodNamespaces = {kind: 'selector' as const, selector: labelSelectorFromObject({matchLabels: {env: 'prod'}})}
const ipBlock = (alwaysMatchesPods: boolean): PeerMatcher => ({kind: 'ipBlock', cidrs: [parseCidr('10.0.0.0/24')], except: [parseCidr('10.0.0.128/25')], alwaysMatchesPods})

describe('peerMatches', () => {
  test.each([
    {name: '1. podSelector only: pods of the policy namespace', matcher: pods({kind: 'exact', namespace: 'prod'}, web), endpoint: podIn('prod', {app: 'web'}), want: true},
    {name: '1. podSelector only: not another namespace', matcher: pods({kind: 'exact', namespace: 'prod'}, web), endpoint: podIn('dev', {app: 'web'}), want: false},
    {name: '2. namespaceSelector only: any pod of the namespace', matcher: pods(prodNamespaces, LabelSelector.everything()), endpoint: podIn('prod', {app: 'db'}), want: true},
    {name: '3. both: namespace matches, pod does not', matcher: pods(prodNamespaces, web), endpoint: podIn('prod', {app: 'db'}), want: false},
    {name: '3. both: pod matches, namespace does not', matcher: pods(prodNamespaces, web), endpoint: podIn('dev', {app: 'web'}), want: false},
    {name: '5. namespaceSelector {} selects all namespaces', matcher: pods({kind: 'selector', selector: LabelSelector.everything()}, web), endpoint: podIn('dev', {app: 'web'}), want: true},
    {name: '6. all pods peer never matches an external IP', matcher: pods({kind: 'selector', selector: LabelSelector.everything()}, LabelSelector.everything()), endpoint: external, want: false},
    {name: '7. a null selector matches nothing', matcher: pods({kind: 'selector', selector: LabelSelector.nothing()}, LabelSelector.everything()), endpoint: podIn('prod', {}), want: false},
    {name: 'host-network pods are never selected by pod peers', matcher: pods({kind: 'exact', namespace: 'prod'}, LabelSelector.everything()), endpoint: podIn('prod', {}, {hostNetwork: true}), want: false},
    {name: 'all matches external IPs', matcher: {kind: 'all'} as PeerMatcher, endpoint: external, want: true},
    {name: 'nothing matches nothing', matcher: {kind: 'nothing', reason: 'nodes'} as PeerMatcher, endpoint: podIn('prod', {}), want: false},
    {name: 'ipBlock matches an external IP', matcher: ipBlock(false), endpoint: external, want: true},
    {name: 'ipBlock except wins', matcher: ipBlock(false), endpoint: {...external, ip: ip('10.0.0.200')} as Endpoint, want: false},
    {name: 'ipBlock ignores pod IPs when told to', matcher: ipBlock(false), endpoint: podIn('prod', {}), want: false},
    {name: 'ipBlock still matches host-network pod IPs', matcher: ipBlock(false), endpoint: podIn('prod', {}, {hostNetwork: true}), want: true},
    {name: 'networks peers always match pod IPs', matcher: ipBlock(true), endpoint: podIn('prod', {}), want: true},
  ])('$name', ({matcher, endpoint, want}) => expect(peerMatches(matcher, endpoint, {ipBlockMatchesPods: false})).toBe(want))
})

describe('peerMatcherKey', () => {
  test.each([
    {name: 'same selector written twice', a: pods(prodNamespaces, web), b: pods({kind: 'selector', selector: labelSelectorFromObject({matchLabels: {env: 'prod'}})}, labelSelectorFromObject({matchLabels: {app: 'web'}})), same: true},
    {name: 'exact namespace differs', a: pods({kind: 'exact', namespace: 'a'}, web), b: pods({kind: 'exact', namespace: 'b'}, web), same: false},
    {name: 'nothing is not everything', a: pods({kind: 'selector', selector: LabelSelector.nothing()}, web), b: pods({kind: 'selector', selector: LabelSelector.everything()}, web), same: false},
    {name: 'host bits do not matter', a: {kind: 'ipBlock', cidrs: [parseCidr('10.0.0.1/24')], except: [], alwaysMatchesPods: false} as PeerMatcher, b: {kind: 'ipBlock', cidrs: [parseCidr('10.0.0.0/24')], except: [], alwaysMatchesPods: false} as PeerMatcher, same: true},
    {name: 'networks and ipBlock differ', a: ipBlock(true), b: ipBlock(false), same: false},
  ])('$name', ({a, b, same}) => expect(peerMatcherKey(a) === peerMatcherKey(b)).toBe(same))
})
