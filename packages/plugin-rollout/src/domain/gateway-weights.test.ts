import {describe, expect, test} from 'vitest'
import {httpRouteAccepted, httpRouteCanaryWeight, httpRouteServiceNames, httpRouteWithCanaryBackend, httpRouteWithWeights, httpRouteWithoutCanaryBackend} from './gateway-weights.js'
import type {HTTPRoute} from './rollout-objects.js'

const backends = {stableService: 'web', canaryService: 'web-canary'}
const route: HTTPRoute = {
  metadata: {name: 'shop', generation: 4},
  spec: {
    rules: [
      {matches: [{path: {value: '/'}}], backendRefs: [{name: 'web', port: 80}, {name: 'web-canary', port: 80, weight: 0}]},
      {matches: [{path: {value: '/static'}}], backendRefs: [{name: 'cdn', port: 80}]},
    ],
  },
}

describe('httpRouteWithWeights', () => {
  test.each([0, 10, 50, 100])('weight %i sets canary w and stable 100-w, leaves other rules', (weight) => {
    const updated = httpRouteWithWeights(route, backends, weight)
    expect(updated.spec.rules?.[0]?.backendRefs).toEqual([{name: 'web', port: 80, weight: 100 - weight}, {name: 'web-canary', port: 80, weight}])
    expect(updated.spec.rules?.[1]).toEqual(route.spec.rules?.[1])
    expect(httpRouteCanaryWeight(updated, backends)).toBe(weight)
  })
  test('refuses a route without the canary backendRef', () => {
    expect(() => httpRouteWithWeights(route, {stableService: 'web', canaryService: 'web-green'}, 10)).toThrow(/HTTPRoute shop has no rule with both backendRefs web and web-green/)
  })
  test('a backendRef to another kind with the same name is not the Service', () => {
    const odd: HTTPRoute = {...route, spec: {rules: [{backendRefs: [{name: 'web'}, {name: 'web-canary', kind: 'ServiceImport', group: 'multicluster.x-k8s.io'}]}]}}
    expect(() => httpRouteWithWeights(odd, backends, 10)).toThrow(/has no rule with both/)
  })
})

describe('httpRouteCanaryWeight', () => {
  test.each([
    {name: 'unset weights default to 1 each', refs: [{name: 'web'}, {name: 'web-canary'}], want: 50},
    {name: '900/100', refs: [{name: 'web', weight: 900}, {name: 'web-canary', weight: 100}], want: 10},
    {name: 'both 0', refs: [{name: 'web', weight: 0}, {name: 'web-canary', weight: 0}], want: 0},
    {name: 'canary missing', refs: [{name: 'web'}], want: undefined},
  ])('$name', ({refs, want}) => expect(httpRouteCanaryWeight({metadata: {name: 'r'}, spec: {rules: [{backendRefs: refs}]}}, backends)).toBe(want))
})

describe('httpRouteAccepted', () => {
  const withParents = (parents: NonNullable<HTTPRoute['status']>['parents']): HTTPRoute => ({...route, status: {parents}})
  const ok = (generation = 4) => [{type: 'Accepted', status: 'True', observedGeneration: generation}, {type: 'ResolvedRefs', status: 'True', observedGeneration: generation}]
  test.each([
    {name: 'accepted by its gateway', parents: [{conditions: ok()}], want: {accepted: true}},
    {name: 'two gateways, both accept', parents: [{conditions: ok()}, {conditions: ok()}], want: {accepted: true}},
    {name: 'no status yet', parents: [], want: {accepted: false, reason: 'no Gateway has reported on the route yet'}},
    {name: 'stale generation', parents: [{conditions: ok(3)}], want: {accepted: false, reason: 'condition Accepted is about generation 3, not 4'}},
    {name: 'backend not found', parents: [{conditions: [ok()[0]!, {type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', observedGeneration: 4}]}], want: {accepted: false, reason: 'ResolvedRefs is False (BackendNotFound)'}},
    {name: 'one of two gateways rejects', parents: [{conditions: ok()}, {conditions: [{type: 'Accepted', status: 'False', reason: 'NotAllowedByListeners', observedGeneration: 4}]}], want: {accepted: false, reason: 'Accepted is False (NotAllowedByListeners)'}},
    {name: 'ResolvedRefs missing', parents: [{conditions: [ok()[0]!]}], want: {accepted: false, reason: 'condition ResolvedRefs not reported yet'}},
  ])('$name', ({parents, want}) => expect(httpRouteAccepted(withParents(parents))).toEqual(want))
})

describe('httpRouteWithCanaryBackend / httpRouteWithoutCanaryBackend', () => {
  const plain: HTTPRoute = {
    metadata: {name: 'shop'},
    spec: {rules: [
      {backendRefs: [{name: 'web', port: 80, filters: [{type: 'RequestHeaderModifier'}]}]},
      {backendRefs: [{name: 'cdn', port: 80}]},
    ]},
  }
  const added = httpRouteWithCanaryBackend(plain, backends)
  test('adds a copy of the stable backendRef at weight 0 right after it, on the rules that send to stable only', () => {
    expect(added.spec.rules?.[0]?.backendRefs).toEqual([
      {name: 'web', port: 80, filters: [{type: 'RequestHeaderModifier'}]},
      {name: 'web-canary', port: 80, filters: [{type: 'RequestHeaderModifier'}], weight: 0},
    ])
    expect(added.spec.rules?.[1]).toEqual(plain.spec.rules?.[1])
    expect(httpRouteCanaryWeight(added, backends)).toBe(0)
  })
  test('adding twice changes nothing', () => expect(httpRouteWithCanaryBackend(added, backends)).toEqual(added))
  test('removing gives the stable-only rules back, with the weight the release left', () => {
    const weighted = httpRouteWithWeights(added, backends, 0)
    expect(httpRouteWithoutCanaryBackend(weighted, backends).spec.rules?.[0]?.backendRefs).toEqual([{name: 'web', port: 80, filters: [{type: 'RequestHeaderModifier'}], weight: 100}])
    expect(httpRouteWithoutCanaryBackend(plain, backends)).toEqual(plain)
  })
})

describe('httpRouteServiceNames', () => {
  test('local Services only, each once', () => {
    const mixed: HTTPRoute = {
      metadata: {name: 'shop', namespace: 'shop'},
      spec: {rules: [
        {backendRefs: [{name: 'web'}, {name: 'web', port: 8080}, {name: 'other', namespace: 'elsewhere'}, {name: 'same', namespace: 'shop'}]},
        {backendRefs: [{name: 'imported', kind: 'ServiceImport', group: 'multicluster.x-k8s.io'}]},
        {},
      ]},
    }
    expect(httpRouteServiceNames(mixed)).toEqual(['web', 'same'])
  })
})
