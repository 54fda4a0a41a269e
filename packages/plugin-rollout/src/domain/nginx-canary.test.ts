import {describe, expect, test} from 'vitest'
import {ingressServiceNames, nginxCanaryAnnotations, nginxCanaryIngress, nginxCanaryWeight} from './nginx-canary.js'
import type {Ingress} from './rollout-objects.js'

const main: Ingress = {
  metadata: {name: 'shop', namespace: 'shop', annotations: {'kubernetes.io/ingress.class': 'nginx', 'nginx.ingress.kubernetes.io/rewrite-target': '/'}},
  spec: {
    ingressClassName: 'nginx',
    tls: [{hosts: ['shop.example.com'], secretName: 'shop-tls'}],
    rules: [
      {host: 'shop.example.com', http: {paths: [
        {path: '/', pathType: 'Prefix', backend: {service: {name: 'web', port: {number: 80}}}},
        {path: '/api', pathType: 'Prefix', backend: {service: {name: 'api', port: {number: 80}}}},
      ]}},
      {host: 'admin.example.com', http: {paths: [{path: '/', pathType: 'Prefix', backend: {service: {name: 'admin', port: {number: 80}}}}]}},
    ],
  },
}

describe('nginxCanaryIngress', () => {
  const canary = nginxCanaryIngress(main, {stableService: 'web', canaryService: 'web-canary', weight: 10})
  test('clones only the stable paths, pointed at the canary Service', () => {
    expect(canary.spec.rules).toEqual([
      {host: 'shop.example.com', http: {paths: [{path: '/', pathType: 'Prefix', backend: {service: {name: 'web-canary', port: {number: 80}}}}]}},
    ])
  })
  test('keeps class and TLS, sets only canary annotations', () => {
    expect(canary.metadata).toEqual({
      name: 'shop-canary',
      namespace: 'shop',
      labels: {'kubeline.dev/track': 'canary'},
      annotations: {'kubernetes.io/ingress.class': 'nginx', 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '10'},
    })
    expect([canary.spec.ingressClassName, canary.spec.tls]).toEqual(['nginx', main.spec.tls])
  })
  test('refuses an Ingress that does not route to the stable Service', () => {
    expect(() => nginxCanaryIngress(main, {stableService: 'shop-frontend', canaryService: 'x', weight: 10})).toThrow(/Ingress shop has no path whose backend is Service shop-frontend/)
  })
})

describe('nginxCanaryAnnotations', () => {
  test.each([
    {weight: 0, total: undefined, want: {canary: 'true', 'canary-weight': '0'}},
    {weight: 25, total: undefined, want: {canary: 'true', 'canary-weight': '25'}},
    {weight: 100, total: undefined, want: {canary: 'true', 'canary-weight': '100'}},
    {weight: 25, total: 1000, want: {canary: 'true', 'canary-weight': '250', 'canary-weight-total': '1000'}},
    {weight: 33, total: 10, want: {canary: 'true', 'canary-weight': '3', 'canary-weight-total': '10'}},
  ])('weight $weight total $total', ({weight, total, want}) => {
    const prefixed = Object.fromEntries(Object.entries(want).map(([key, value]) => [`nginx.ingress.kubernetes.io/${key}`, value]))
    expect(nginxCanaryAnnotations({weight, weightTotal: total})).toEqual(prefixed)
  })
})

describe('nginxCanaryWeight', () => {
  const withAnnotations = (annotations: Record<string, string>): Ingress => ({metadata: {name: 'shop-canary', annotations}, spec: {}})
  const p = (key: string) => `nginx.ingress.kubernetes.io/${key}`
  test.each([
    {name: 'weight 30', annotations: {[p('canary')]: 'true', [p('canary-weight')]: '30'}, want: 30},
    {name: 'with a total of 1000', annotations: {[p('canary')]: 'true', [p('canary-weight')]: '250', [p('canary-weight-total')]: '1000'}, want: 25},
    {name: 'not enabled: nothing', annotations: {[p('canary-weight')]: '30'}, want: 0},
    {name: 'unreadable weight counts as 0', annotations: {[p('canary')]: 'true', [p('canary-weight')]: 'lots'}, want: 0},
    {name: 'no weight', annotations: {[p('canary')]: 'true'}, want: 0},
    {name: 'zero total falls back to 100', annotations: {[p('canary')]: 'true', [p('canary-weight')]: '40', [p('canary-weight-total')]: '0'}, want: 40},
    {name: 'round trip of our own annotations', annotations: nginxCanaryAnnotations({weight: 45, weightTotal: 200}), want: 45},
  ])('$name', ({annotations, want}) => expect(nginxCanaryWeight(withAnnotations(annotations))).toBe(want))
})

describe('ingressServiceNames', () => {
  test('every Service the rules send to, once; the default backend is not cloned so not listed', () => {
    const withDefault: Ingress = {...main, spec: {...main.spec, defaultBackend: {service: {name: 'fallback'}}, rules: [...(main.spec.rules ?? []), {host: 'again.example.com', http: {paths: [{backend: {service: {name: 'web'}}}]}}, {host: 'empty'}]}}
    expect(ingressServiceNames(withDefault)).toEqual(['web', 'api', 'admin'])
  })
})
