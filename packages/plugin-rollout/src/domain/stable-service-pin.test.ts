import {describe, expect, test} from 'vitest'
import type {Service} from './rollout-objects.js'
import {currentPodTemplateHash, pinnedSelector, stableServiceAmong, unpinnedSelector} from './stable-service-pin.js'
import type {OwnedReplicaSet} from './stable-service-pin.js'

const replicaSet = (owner: string, hash: string, revision?: string, kind = 'Deployment'): OwnedReplicaSet => ({
  metadata: {
    name: `${owner}-${hash}`,
    labels: {app: 'web', 'pod-template-hash': hash},
    ...(revision === undefined ? {} : {annotations: {'deployment.kubernetes.io/revision': revision}}),
    ownerReferences: [{kind, name: owner}],
  },
})

describe('pinnedSelector / unpinnedSelector', () => {
  test('pin adds the hash; unpin gives the user selector back', () => {
    const pinned = pinnedSelector({app: 'web', tier: 'front'}, 'abc12')
    expect(pinned).toEqual({app: 'web', tier: 'front', 'pod-template-hash': 'abc12'})
    expect(unpinnedSelector(pinned)).toEqual({app: 'web', tier: 'front'})
  })
  test('re-pinning replaces the hash', () => expect(pinnedSelector({app: 'web', 'pod-template-hash': 'old'}, 'new')).toEqual({app: 'web', 'pod-template-hash': 'new'}))
  test('unpinning a selector without a pin changes nothing', () => expect(unpinnedSelector({app: 'web'})).toEqual({app: 'web'}))
})

describe('currentPodTemplateHash', () => {
  test.each([
    {name: 'the newest revision the Deployment owns', sets: [replicaSet('web', 'old', '1'), replicaSet('web', 'new', '2')], want: 'new'},
    {name: 'revisions compare as numbers', sets: [replicaSet('web', 'ten', '10'), replicaSet('web', 'nine', '9')], want: 'ten'},
    {name: 'the canary owns its own ReplicaSets', sets: [replicaSet('web', 'stable', '1'), replicaSet('web-canary', 'canary', '5')], want: 'stable'},
    {name: 'owned by something else of that name', sets: [replicaSet('web', 'x', '1', 'Rollout')], want: undefined},
    {name: 'none yet', sets: [], want: undefined},
  ])('$name', ({sets, want}) => expect(currentPodTemplateHash('web', sets)).toBe(want))
})

describe('stableServiceAmong', () => {
  const service = (name: string, selector: Record<string, string>): Service => ({metadata: {name}, spec: {selector}})
  const pods = {app: 'web', version: '1'}
  test('the one Service selecting the stable pods', () => {
    expect(stableServiceAmong([service('cdn', {app: 'cdn'}), service('web', {app: 'web'})], pods, 'Ingress shop', 'web').metadata.name).toBe('web')
  })
  test.each([
    {name: 'none selects them', services: [service('cdn', {app: 'cdn'})], message: 'Ingress shop routes to no Service that selects the pods of Deployment web (its Services: cdn)'},
    {name: 'no Services at all', services: [], message: 'Ingress shop routes to no Service that selects the pods of Deployment web (its Services: none that exist)'},
    {name: 'two select them', services: [service('web', {app: 'web'}), service('web-v1', {version: '1'})], message: 'Ingress shop routes to several Services that select the pods of Deployment web (its Services: web, web-v1)'},
  ])('refuses when $name (exit 2)', ({services, message}) => {
    expect(() => stableServiceAmong(services, pods, 'Ingress shop', 'web')).toThrow(expect.objectContaining({message, exitCode: 2}))
  })
})
