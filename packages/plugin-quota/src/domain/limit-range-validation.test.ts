import {describe, expect, test} from 'vitest'
import type {LimitRange, LimitRangeItem, PersistentVolumeClaim, RawResourceList} from './kubernetes-objects.js'
import {limitRangeViolations} from './limit-range-validation.js'
import {container, pod} from './test-support/pod-builders.js'

// Transcribed from kubernetes plugin/pkg/admission/limitranger/admission_test.go TestPodLimitFunc:
// validPod(name, n, requests, limits) has n identical containers; validPodInit adds init containers;
// createLimitRange(type, min, max, default, defaultRequest, ratio) has one item.
const cl = (cpu = '', memory = ''): RawResourceList => ({...(cpu ? {cpu} : {}), ...(memory ? {memory} : {})})
const es = (storage = ''): RawResourceList => (storage ? {'ephemeral-storage': storage} : {})
type Bounds = {min?: RawResourceList; max?: RawResourceList; ratio?: RawResourceList}
interface Row {
  name: string
  n: number
  requests: RawResourceList
  limits: RawResourceList
  init?: [RawResourceList, RawResourceList][]
  type: 'Container' | 'Pod'
  bounds: Bounds
  /** Exact messages where the table pins them; otherwise "rejected" is asserted. */
  messages?: string[]
}
const C = 'Container' as const
const P = 'Pod' as const

const successCases: Row[] = [
  {name: 'ctr-min-cpu-request', n: 1, requests: cl('100m'), limits: {}, type: C, bounds: {min: cl('50m')}},
  {name: 'ctr-min-cpu-request-limit', n: 1, requests: cl('100m'), limits: cl('200m'), type: C, bounds: {min: cl('50m')}},
  {name: 'ctr-min-memory-request', n: 1, requests: cl('', '60Mi'), limits: {}, type: C, bounds: {min: cl('', '50Mi')}},
  {name: 'ctr-min-memory-request-limit', n: 1, requests: cl('', '60Mi'), limits: cl('', '100Mi'), type: C, bounds: {min: cl('', '50Mi')}},
  {name: 'ctr-max-cpu-request-limit', n: 1, requests: cl('500m'), limits: cl('1'), type: C, bounds: {max: cl('2')}},
  {name: 'ctr-max-cpu-limit', n: 1, requests: {}, limits: cl('1'), type: C, bounds: {max: cl('2')}},
  {name: 'ctr-max-mem-request-limit', n: 1, requests: cl('', '250Mi'), limits: cl('', '500Mi'), type: C, bounds: {max: cl('', '1Gi')}},
  {name: 'ctr-max-cpu-ratio', n: 1, requests: cl('500m'), limits: cl('750m'), type: C, bounds: {ratio: cl('1.5')}},
  {name: 'ctr-max-mem-limit', n: 1, requests: {}, limits: cl('', '500Mi'), type: C, bounds: {max: cl('', '1Gi')}},
  {name: 'pod-min-cpu-request', n: 2, requests: cl('75m'), limits: {}, type: P, bounds: {min: cl('100m')}},
  {name: 'pod-min-cpu-request-limit', n: 2, requests: cl('75m'), limits: cl('200m'), type: P, bounds: {min: cl('100m')}},
  {name: 'pod-min-memory-request', n: 2, requests: cl('', '60Mi'), limits: {}, type: P, bounds: {min: cl('', '100Mi')}},
  {name: 'pod-min-memory-request-limit', n: 2, requests: cl('', '60Mi'), limits: cl('', '100Mi'), type: P, bounds: {min: cl('', '100Mi')}},
  {name: 'pod-init-min-memory-request', n: 2, requests: cl('', '60Mi'), limits: {}, init: [[cl('', '100Mi'), {}]], type: P, bounds: {min: cl('', '100Mi')}},
  {name: 'pod-init-min-memory-request-limit', n: 2, requests: cl('', '60Mi'), limits: cl('', '100Mi'), init: [[cl('', '80Mi'), cl('', '100Mi')]], type: P, bounds: {min: cl('', '100Mi')}},
  {name: 'pod-max-cpu-request-limit', n: 2, requests: cl('500m'), limits: cl('1'), type: P, bounds: {max: cl('2')}},
  {name: 'pod-max-cpu-limit', n: 2, requests: {}, limits: cl('1'), type: P, bounds: {max: cl('2')}},
  {name: 'pod-init-max-cpu-request-limit', n: 2, requests: cl('500m'), limits: cl('1'), init: [[cl('1'), cl('2')], [cl('1'), cl('1')]], type: P, bounds: {max: cl('2')}},
  {name: 'pod-init-max-cpu-limit', n: 2, requests: {}, limits: cl('1'), init: [[{}, cl('2')], [{}, cl('2')]], type: P, bounds: {max: cl('2')}},
  {name: 'pod-max-mem-request-limit', n: 2, requests: cl('', '250Mi'), limits: cl('', '500Mi'), type: P, bounds: {max: cl('', '1Gi')}},
  {name: 'pod-max-mem-limit', n: 2, requests: {}, limits: cl('', '500Mi'), type: P, bounds: {max: cl('', '1Gi')}},
  {name: 'pod-max-mem-ratio', n: 3, requests: cl('', '300Mi'), limits: cl('', '450Mi'), type: P, bounds: {max: cl('', '2Gi'), ratio: cl('', '1.5')}},
  {name: 'ctr-1-min-local-ephemeral-storage-request', n: 1, requests: es('60Mi'), limits: {}, type: C, bounds: {min: es('50Mi')}},
  {name: 'ctr-1-min-local-ephemeral-storage-request-limit', n: 1, requests: es('60Mi'), limits: es('100Mi'), type: C, bounds: {min: es('50Mi')}},
  {name: 'ctr-1-max-local-ephemeral-storage-request-limit', n: 1, requests: es('250Mi'), limits: es('500Mi'), type: C, bounds: {max: es('1Gi')}},
  {name: 'ctr-1-max-local-ephemeral-storage-limit', n: 1, requests: {}, limits: es('500Mi'), type: C, bounds: {max: es('1Gi')}},
  {name: 'ctr-2-min-local-ephemeral-storage-request', n: 2, requests: es('60Mi'), limits: {}, type: C, bounds: {min: es('50Mi')}},
  {name: 'ctr-2-min-local-ephemeral-storage-request-limit', n: 2, requests: es('60Mi'), limits: es('100Mi'), type: C, bounds: {min: es('50Mi')}},
  {name: 'ctr-2-max-local-ephemeral-storage-request-limit', n: 2, requests: es('250Mi'), limits: es('500Mi'), type: C, bounds: {max: es('600Mi')}},
  {name: 'ctr-2-max-local-ephemeral-storage-limit', n: 2, requests: {}, limits: es('500Mi'), type: C, bounds: {max: es('600Mi')}},
  {name: 'pod-min-local-ephemeral-storage-request', n: 2, requests: es('60Mi'), limits: {}, type: P, bounds: {min: es('100Mi')}},
  {name: 'pod-min-local-ephemeral-storage-request-limit', n: 2, requests: es('60Mi'), limits: es('100Mi'), type: P, bounds: {min: es('100Mi')}},
  {name: 'pod-init-min-local-ephemeral-storage-request', n: 2, requests: es('60Mi'), limits: {}, init: [[es('100Mi'), {}]], type: P, bounds: {min: es('100Mi')}},
  {name: 'pod-init-min-local-ephemeral-storage-request-limit', n: 2, requests: es('60Mi'), limits: es('100Mi'), init: [[es('80Mi'), es('100Mi')]], type: P, bounds: {min: es('100Mi')}},
  {name: 'pod-max-local-ephemeral-storage-request-limit', n: 2, requests: es('250Mi'), limits: es('500Mi'), type: P, bounds: {max: es('1Gi')}},
  {name: 'pod-max-local-ephemeral-storage-limit', n: 2, requests: {}, limits: es('500Mi'), type: P, bounds: {max: es('1Gi')}},
  {name: 'pod-max-local-ephemeral-storage-ratio', n: 3, requests: es('300Mi'), limits: es('450Mi'), type: P, bounds: {max: es('2Gi'), ratio: es('1.5')}},
]

const errorCases: Row[] = [
  {name: 'ctr-min-cpu-request', n: 1, requests: cl('40m'), limits: {}, type: C, bounds: {min: cl('50m')}, messages: ['minimum cpu usage per Container is 50m, but request is 40m']},
  {name: 'ctr-min-cpu-request-limit', n: 1, requests: cl('40m'), limits: cl('200m'), type: C, bounds: {min: cl('50m')}, messages: ['minimum cpu usage per Container is 50m, but request is 40m']},
  {name: 'ctr-min-cpu-no-request-limit', n: 1, requests: {}, limits: {}, type: C, bounds: {min: cl('50m')}, messages: ['minimum cpu usage per Container is 50m.  No request is specified']},
  {name: 'ctr-min-memory-request', n: 1, requests: cl('', '40Mi'), limits: {}, type: C, bounds: {min: cl('', '50Mi')}, messages: ['minimum memory usage per Container is 50Mi, but request is 40Mi']},
  {name: 'ctr-min-memory-request-limit', n: 1, requests: cl('', '40Mi'), limits: cl('', '100Mi'), type: C, bounds: {min: cl('', '50Mi')}},
  {name: 'ctr-min-memory-no-request-limit', n: 1, requests: {}, limits: {}, type: C, bounds: {min: cl('', '50Mi')}},
  {name: 'ctr-max-cpu-request-limit', n: 1, requests: cl('500m'), limits: cl('2500m'), type: C, bounds: {max: cl('2')}, messages: ['maximum cpu usage per Container is 2, but limit is 2500m']},
  {name: 'ctr-max-cpu-limit', n: 1, requests: {}, limits: cl('2500m'), type: C, bounds: {max: cl('2')}},
  {name: 'ctr-max-cpu-no-request-limit', n: 1, requests: {}, limits: {}, type: C, bounds: {max: cl('2')}, messages: ['maximum cpu usage per Container is 2.  No limit is specified']},
  {name: 'ctr-max-cpu-ratio', n: 1, requests: cl('1250m'), limits: cl('2500m'), type: C, bounds: {ratio: cl('1')}, messages: ['cpu max limit to request ratio per Container is 1, but provided ratio is 2.000000']},
  {name: 'ctr-max-mem-request-limit', n: 1, requests: cl('', '250Mi'), limits: cl('', '2Gi'), type: C, bounds: {max: cl('', '1Gi')}, messages: ['maximum memory usage per Container is 1Gi, but limit is 2Gi']},
  {name: 'ctr-max-mem-limit', n: 1, requests: {}, limits: cl('', '2Gi'), type: C, bounds: {max: cl('', '1Gi')}},
  {name: 'ctr-max-mem-no-request-limit', n: 1, requests: {}, limits: {}, type: C, bounds: {max: cl('', '1Gi')}},
  {name: 'pod-min-cpu-request', n: 1, requests: cl('75m'), limits: {}, type: P, bounds: {min: cl('100m')}, messages: ['minimum cpu usage per Pod is 100m, but request is 75m']},
  {name: 'pod-min-cpu-request-limit', n: 1, requests: cl('75m'), limits: cl('200m'), type: P, bounds: {min: cl('100m')}},
  {name: 'pod-min-memory-request', n: 1, requests: cl('', '60Mi'), limits: {}, type: P, bounds: {min: cl('', '100Mi')}},
  {name: 'pod-min-memory-request-limit', n: 1, requests: cl('', '60Mi'), limits: cl('', '100Mi'), type: P, bounds: {min: cl('', '100Mi')}},
  {name: 'pod-max-cpu-request-limit', n: 3, requests: cl('500m'), limits: cl('1'), type: P, bounds: {max: cl('2')}, messages: ['maximum cpu usage per Pod is 2, but limit is 3']},
  {name: 'pod-max-cpu-limit', n: 3, requests: {}, limits: cl('1'), type: P, bounds: {max: cl('2')}},
  {name: 'pod-max-mem-request-limit', n: 3, requests: cl('', '250Mi'), limits: cl('', '500Mi'), type: P, bounds: {max: cl('', '1Gi')}, messages: ['maximum memory usage per Pod is 1Gi, but limit is 1500Mi']},
  {name: 'pod-max-mem-limit', n: 3, requests: {}, limits: cl('', '500Mi'), type: P, bounds: {max: cl('', '1Gi')}},
  {name: 'pod-init-max-mem-limit', n: 1, requests: {}, limits: cl('', '500Mi'), init: [[{}, cl('', '1.5Gi')]], type: P, bounds: {max: cl('', '1Gi')}, messages: ['maximum memory usage per Pod is 1Gi, but limit is 1536Mi']},
  {name: 'pod-max-mem-ratio', n: 3, requests: cl('', '250Mi'), limits: cl('', '500Mi'), type: P, bounds: {max: cl('', '2Gi'), ratio: cl('', '1.5')}, messages: ['memory max limit to request ratio per Pod is 1500m, but provided ratio is 2.000000']},
  {name: 'ctr-1-min-local-ephemeral-storage-request', n: 1, requests: es('40Mi'), limits: {}, type: C, bounds: {min: es('50Mi')}},
  {name: 'ctr-1-min-local-ephemeral-storage-request-limit', n: 1, requests: es('40Mi'), limits: es('100Mi'), type: C, bounds: {min: es('50Mi')}},
  {name: 'ctr-1-min-local-ephemeral-storage-no-request-limit', n: 1, requests: {}, limits: {}, type: C, bounds: {min: es('50Mi')}},
]

function podOf(row: Row) {
  const containers = Array.from({length: row.n}, (_, i) => container(row.requests, row.limits, {name: `foo-${i}`}))
  const initContainers = (row.init ?? []).map(([requests, limits], i) => container(requests, limits, {name: `foo-${i}`}))
  return pod({containers, initContainers}, {}, {name: row.name, namespace: 'test'})
}

function limitRangeOf(type: string, bounds: Bounds): LimitRange {
  const item: LimitRangeItem = {type, ...(bounds.min ? {min: bounds.min} : {}), ...(bounds.max ? {max: bounds.max} : {}), ...(bounds.ratio ? {maxLimitRequestRatio: bounds.ratio} : {})}
  return {apiVersion: 'v1', kind: 'LimitRange', metadata: {name: 'abc', namespace: 'test'}, spec: {limits: [item]}}
}

describe('limitRangeViolations (TestPodLimitFunc)', () => {
  test.each(successCases)('admits $name', (row) => {
    expect(limitRangeViolations(podOf(row), [limitRangeOf(row.type, row.bounds)])).toEqual([])
  })

  test.each(errorCases)('rejects $name', (row) => {
    const messages = limitRangeViolations(podOf(row), [limitRangeOf(row.type, row.bounds)])
    if (row.messages) expect(messages).toEqual(row.messages)
    else expect(messages.length).toBeGreaterThan(0)
  })

  test('every container is checked, each failing container adds a message', () => {
    const row = {name: 'two', n: 2, requests: cl('40m'), limits: {}, type: C, bounds: {min: cl('50m')}}
    expect(limitRangeViolations(podOf(row), [limitRangeOf(C, row.bounds)])).toHaveLength(2)
  })

  test('pod checks leave overhead out', () => {
    const p = pod({overhead: {cpu: '1'}, containers: [container({cpu: '1'}, {cpu: '1'})]})
    expect(limitRangeViolations(p, [limitRangeOf(P, {max: cl('1')})])).toEqual([])
  })

  test('values compare in milli-units rounded up, as upstream', () => {
    // 999.5m rounds up to 1000m, which is not below a 1 CPU minimum.
    const p = pod({containers: [container({cpu: '999500u'})]})
    expect(limitRangeViolations(p, [limitRangeOf(C, {min: cl('1')})])).toEqual([])
  })
})

describe('PersistentVolumeClaim items', () => {
  const claim = (storage?: string): PersistentVolumeClaim => ({
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: {name: 'data', namespace: 'test'},
    spec: {resources: storage === undefined ? {} : {requests: {storage}}},
  })
  const pvcRange = (min?: string, max?: string): LimitRange => ({
    apiVersion: 'v1', kind: 'LimitRange', metadata: {name: 'storage', namespace: 'test'},
    spec: {limits: [{type: 'PersistentVolumeClaim', ...(min ? {min: {storage: min}} : {}), ...(max ? {max: {storage: max}} : {})}]},
  })
  test.each([
    {name: 'within bounds', pvc: claim('5Gi'), range: pvcRange('1Gi', '10Gi'), want: []},
    {name: 'below min', pvc: claim('500Mi'), range: pvcRange('1Gi'), want: ['minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi']},
    {name: 'above max', pvc: claim('20Gi'), range: pvcRange(undefined, '10Gi'), want: ['maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi']},
    {
      name: 'no request at all',
      pvc: claim(),
      range: pvcRange('1Gi', '10Gi'),
      want: ['minimum storage usage per PersistentVolumeClaim is 1Gi.  No request is specified', 'maximum storage usage per PersistentVolumeClaim is 10Gi.  No request is specified'],
    },
  ])('$name', ({pvc, range, want}) => expect(limitRangeViolations(pvc, [range])).toEqual(want))

  test('Container items do not apply to claims', () => {
    expect(limitRangeViolations(claim('1Gi'), [limitRangeOf(C, {min: cl('1')})])).toEqual([])
  })
})
