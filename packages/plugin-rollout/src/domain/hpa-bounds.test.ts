import {describe, expect, test} from 'vitest'
import {hpaFor, parseHpaRecord, scaledHpaBounds} from './hpa-bounds.js'
import type {HorizontalPodAutoscaler} from './rollout-objects.js'
import {deployment} from './test-support/release-fixtures.js'

const hpa = (name: string, kind = 'Deployment', min?: number, max = 20): HorizontalPodAutoscaler => ({
  metadata: {name: `${name}-hpa`},
  spec: {scaleTargetRef: {apiVersion: 'apps/v1', kind, name}, ...(min === undefined ? {} : {minReplicas: min}), maxReplicas: max},
})

describe('hpaFor', () => {
  test.each([
    {name: 'targets the Deployment', hpas: [hpa('api'), hpa('web')], want: 'web-hpa'},
    {name: 'same name, other kind', hpas: [hpa('web', 'StatefulSet')], want: undefined},
    {name: 'none', hpas: [], want: undefined},
  ])('$name', ({hpas, want}) => expect(hpaFor(deployment('web', 10), hpas)?.metadata.name).toBe(want))
})

describe('scaledHpaBounds', () => {
  test.each([
    {name: 'half the pods', min: 4, max: 20, stable: 5, original: 10, want: {minReplicas: 2, maxReplicas: 10}},
    {name: 'rounds up', min: 3, max: 7, stable: 9, original: 10, want: {minReplicas: 3, maxReplicas: 7}},
    {name: 'never below 1', min: 1, max: 4, stable: 1, original: 10, want: {minReplicas: 1, maxReplicas: 1}},
    {name: 'unset minReplicas is 1', min: undefined, max: 10, stable: 10, original: 10, want: {minReplicas: 1, maxReplicas: 10}},
    {name: 'full size: unchanged', min: 5, max: 50, stable: 10, original: 10, want: {minReplicas: 5, maxReplicas: 50}},
  ])('$name', ({min, max, stable, original, want}) => expect(scaledHpaBounds(hpa('web', 'Deployment', min, max).spec, stable, original)).toEqual(want))

  test('rejects an original count of 0', () => expect(() => scaledHpaBounds(hpa('web').spec, 1, 0)).toThrow(/invalid original replica count 0/))
})

describe('parseHpaRecord', () => {
  test('reads back a record', () => expect(parseHpaRecord('{"name":"web","minReplicas":2,"maxReplicas":8}')).toEqual({name: 'web', minReplicas: 2, maxReplicas: 8}))
  test.each(['null', '[]', '{"name":"","minReplicas":1,"maxReplicas":2}', '{"name":"web","minReplicas":-1,"maxReplicas":2}', '{"name":"web","minReplicas":0,"maxReplicas":0}', '{"name":"web","minReplicas":1,"maxReplicas":1.5}', '{"name":"web","minReplicas":1}'])(
    'rejects %s',
    (text) => expect(parseHpaRecord(text)).toBeUndefined(),
  )
})
