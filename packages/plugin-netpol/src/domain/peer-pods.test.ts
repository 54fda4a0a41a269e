import {LabelSelector, labelSelectorFromObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {compileCluster} from './compiled-cluster.js'
import {endpointName} from './endpoint.js'
import type {PeerMatcher} from './peer-matcher.js'
import {peerPods} from './peer-pods.js'
import {cluster, namespace, pod} from './test-support/cluster-builders.js'

// `a-b/x` sorts before `a/x` ('-' < '/'), though namespace `a` sorts before `a-b`: lists follow the full name.
const state = cluster({
  namespaces: [namespace('a', {team: 't'}), namespace('a-b', {team: 't'}), namespace('c')],
  pods: [pod('a/x', {app: 'web'}, '10.0.0.1'), pod('a-b/x', {app: 'web'}, '10.0.0.2'), pod('c/y', {app: 'db'}, '10.0.1.1'), pod('a/h', {app: 'web'}, '10.0.0.9', {hostNetwork: true})],
})
const selector = (object: object) => labelSelectorFromObject(object)

describe('peerPods', () => {
  test.each<{name: string; peer: PeerMatcher | 'all'; pods: string[]}>([
    {name: 'all: every pod, host-network ones too', peer: 'all', pods: ['a-b/x', 'a/h', 'a/x', 'c/y']},
    {name: 'exact namespace', peer: {kind: 'pods', namespaces: {kind: 'exact', namespace: 'a'}, pods: LabelSelector.everything()}, pods: ['a/x']},
    {name: 'namespace selector across namespaces, sorted by full name', peer: {kind: 'pods', namespaces: {kind: 'selector', selector: selector({matchLabels: {team: 't'}})}, pods: selector({matchLabels: {app: 'web'}})}, pods: ['a-b/x', 'a/x']},
    {name: 'namespace by its synthesised name label', peer: {kind: 'pods', namespaces: {kind: 'selector', selector: selector({matchLabels: {'kubernetes.io/metadata.name': 'c'}})}, pods: LabelSelector.everything()}, pods: ['c/y']},
    {name: 'a namespace nobody has', peer: {kind: 'pods', namespaces: {kind: 'exact', namespace: 'zzz'}, pods: LabelSelector.everything()}, pods: []},
    {name: 'nothing', peer: {kind: 'nothing', reason: 'nodes peers are not modelled'}, pods: []},
  ])('$name', ({peer, pods}) => {
    expect(peerPods(compileCluster(state), {ipBlockMatchesPods: true})(peer).map(endpointName)).toEqual(pods)
  })

  test('equal peers are matched once', () => {
    const lookup = peerPods(compileCluster(state), {ipBlockMatchesPods: true})
    const peer = (): PeerMatcher => ({kind: 'pods', namespaces: {kind: 'exact', namespace: 'a'}, pods: selector({matchLabels: {app: 'web'}})})
    expect(lookup(peer())).toBe(lookup(peer()))
  })
})
