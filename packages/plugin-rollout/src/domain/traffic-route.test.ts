import {describe, expect, test} from 'vitest'
import {parseTrafficRequest, parseTrafficRoute, requireTrafficRoute, trafficRoute} from './traffic-route.js'
import type {TrafficFlags, TrafficRoute} from './traffic-route.js'

describe('parseTrafficRequest', () => {
  test.each<{name: string; flags: TrafficFlags; want: unknown}>([
    {name: 'default replicas', flags: {traffic: 'replicas'}, want: {mode: 'replicas'}},
    {name: 'nginx', flags: {traffic: 'nginx', ingress: 'shop'}, want: {mode: 'nginx', ingress: 'shop'}},
    {name: 'nginx with a weight total', flags: {traffic: 'nginx', ingress: 'shop', weightTotal: 1000}, want: {mode: 'nginx', ingress: 'shop', weightTotal: 1000}},
    {name: 'gateway waits for status by default', flags: {traffic: 'gateway', httproute: 'shop'}, want: {mode: 'gateway', httpRoute: 'shop', routeStatus: 'wait'}},
    {name: 'gateway ignoring status', flags: {traffic: 'gateway', httproute: 'shop', routeStatus: 'ignore'}, want: {mode: 'gateway', httpRoute: 'shop', routeStatus: 'ignore'}},
  ])('$name', ({flags, want}) => expect(parseTrafficRequest(flags)).toEqual(want))

  test.each<{name: string; flags: TrafficFlags; message: string}>([
    {name: 'unknown mode', flags: {traffic: 'istio'}, message: 'invalid --traffic "istio": expected one of replicas, nginx, gateway'},
    {name: 'nginx without an Ingress', flags: {traffic: 'nginx'}, message: '--traffic nginx needs --ingress NAME'},
    {name: 'nginx with an empty Ingress', flags: {traffic: 'nginx', ingress: ''}, message: '--traffic nginx needs --ingress NAME'},
    {name: 'gateway without a route', flags: {traffic: 'gateway'}, message: '--traffic gateway needs --httproute NAME'},
    {name: 'weight total 0', flags: {traffic: 'nginx', ingress: 'shop', weightTotal: 0}, message: 'invalid --weight-total 0: must be a whole number of 1 or more'},
    {name: 'bad route status', flags: {traffic: 'gateway', httproute: 'shop', routeStatus: 'never'}, message: 'invalid --route-status "never"'},
    {name: '--ingress in replica mode', flags: {traffic: 'replicas', ingress: 'shop'}, message: '--ingress is only for --traffic nginx (this release uses --traffic replicas)'},
    {name: '--weight-total with gateway', flags: {traffic: 'gateway', httproute: 'shop', weightTotal: 1000}, message: '--weight-total is only for --traffic nginx'},
    {name: '--httproute with nginx', flags: {traffic: 'nginx', ingress: 'shop', httproute: 'shop'}, message: '--httproute is only for --traffic gateway'},
    {name: '--route-status in replica mode', flags: {traffic: 'replicas', routeStatus: 'ignore'}, message: '--route-status is only for --traffic gateway'},
  ])('refuses $name (exit 2)', ({flags, message}) => {
    expect(() => parseTrafficRequest(flags)).toThrow(message)
    expect(() => parseTrafficRequest(flags)).toThrow(expect.objectContaining({code: 'INVALID_FLAG', exitCode: 2}))
  })
})

describe('trafficRoute', () => {
  test('names the canary Service after the stable one', () => {
    expect(trafficRoute({mode: 'nginx', ingress: 'shop'}, 'web')).toEqual({mode: 'nginx', ingress: 'shop', stableService: 'web', canaryService: 'web-canary'})
  })
})

describe('parseTrafficRoute', () => {
  const nginx: TrafficRoute = {mode: 'nginx', stableService: 'web', canaryService: 'web-canary', ingress: 'shop'}
  const gateway: TrafficRoute = {mode: 'gateway', stableService: 'web', canaryService: 'web-canary', httpRoute: 'shop', routeStatus: 'wait'}
  test.each([nginx, {...nginx, weightTotal: 1000}, gateway])('reads back $mode', (route) => expect(parseTrafficRoute(JSON.stringify(route))).toEqual(route))
  test.each([
    {name: 'not an object', text: '"nginx"'},
    {name: 'null', text: 'null'},
    {name: 'unknown mode', text: JSON.stringify({...nginx, mode: 'istio'})},
    {name: 'no stable Service', text: JSON.stringify({...nginx, stableService: ''})},
    {name: 'nginx without Ingress', text: JSON.stringify({mode: 'nginx', stableService: 'web', canaryService: 'web-canary'})},
    {name: 'fractional weight total', text: JSON.stringify({...nginx, weightTotal: 2.5})},
    {name: 'gateway with an unknown status policy', text: JSON.stringify({...gateway, routeStatus: 'maybe'})},
  ])('rejects $name', ({text}) => expect(parseTrafficRoute(text)).toBeUndefined())
})

describe('requireTrafficRoute', () => {
  const gateway: TrafficRoute = {mode: 'gateway', stableService: 'web', canaryService: 'web-canary', httpRoute: 'shop', routeStatus: 'wait'}
  test('replica mode needs none', () => expect(requireTrafficRoute('replicas', undefined)).toBeUndefined())
  test('a matching route', () => expect(requireTrafficRoute('gateway', gateway)).toBe(gateway))
  test.each([
    {name: 'missing', traffic: 'nginx' as const, route: undefined, message: 'traffic is nginx but annotation kubeline.dev/rollout-router is missing'},
    {name: 'for another mode', traffic: 'nginx' as const, route: gateway, message: 'traffic is nginx but annotation kubeline.dev/rollout-router is for gateway'},
  ])('a corrupt state: router $name', ({traffic, route, message}) => {
    expect(() => requireTrafficRoute(traffic, route)).toThrow(expect.objectContaining({code: 'INVALID_OBJECT', message: `corrupt release state: ${message}`}))
  })
})
