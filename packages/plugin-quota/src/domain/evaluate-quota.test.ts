import {Quantity} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {evaluateQuota, quotaLine} from './evaluate-quota.js'
import type {ResourceQuota} from './kubernetes-objects.js'

const thresholds = {warnAtPercent: 80, failAtPercent: 100}
const line = (resource: string, used: string | undefined, hard: string, custom = thresholds) =>
  quotaLine(resource, Quantity.parse(hard), used === undefined ? undefined : Quantity.parse(used), custom)

describe('quotaLine', () => {
  test.each([
    {name: 'well under', resource: 'requests.cpu', used: '100m', hard: '1', status: 'ok', percent: 10, breached: false},
    {name: '500m of 1 is 50%, not 100%', resource: 'limits.cpu', used: '500m', hard: '1', status: 'ok', percent: 50, breached: false},
    {name: 'exactly at warn', resource: 'requests.cpu', used: '800m', hard: '1', status: 'warn', percent: 80, breached: false},
    {name: 'just below warn', resource: 'requests.cpu', used: '799m', hard: '1', status: 'ok', percent: 79.9, breached: false},
    {name: 'at hard is full and breached', resource: 'pods', used: '10', hard: '10', status: 'full', percent: 100, breached: true},
    {name: 'over hard (quota lowered later)', resource: 'pods', used: '12', hard: '10', status: 'full', percent: 120, breached: true},
    {name: 'Gi is bigger than G', resource: 'requests.memory', used: '1Gi', hard: '1G', status: 'full', percent: 107.3741824, breached: true},
    {name: 'mixed units compare exactly', resource: 'requests.memory', used: '1536Mi', hard: '2Gi', status: 'ok', percent: 75, breached: false},
    {name: 'zero hard, nothing used: full (no headroom) but not a breach', resource: 'services.loadbalancers', used: '0', hard: '0', status: 'full', percent: null, breached: false},
    {name: 'zero hard, something used: breach', resource: 'services.nodeports', used: '2', hard: '0', status: 'full', percent: null, breached: true},
  ])('$name', ({resource, used, hard, status, percent, breached}) => {
    const result = line(resource, used, hard)
    expect(result.status).toBe(status)
    expect(result.breached).toBe(breached)
    if (percent === null) expect(result.percent).toBeNull()
    else expect(result.percent).toBeCloseTo(percent, 9)
  })

  test('failAtPercent below 100 breaches early', () => {
    expect(line('pods', '9', '10', {warnAtPercent: 80, failAtPercent: 90}).breached).toBe(true)
    expect(line('pods', '8', '10', {warnAtPercent: 80, failAtPercent: 90}).breached).toBe(false)
  })

  test('machine values are base units', () => {
    expect(line('requests.cpu', '1500m', '2')).toMatchObject({used: '1500m', usedValue: 1500, hard: '2', hardValue: 2000})
    expect(line('requests.memory', '1Ki', '1Mi')).toMatchObject({usedValue: 1024, hardValue: 1048576})
  })

  test('an unknown used value is unknown', () => {
    expect(line('pods', undefined, '10')).toEqual({resource: 'pods', hard: '10', hardValue: 10, used: null, usedValue: null, percent: null, status: 'unknown', breached: false})
  })
})

describe('evaluateQuota', () => {
  const quota: ResourceQuota = {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {name: 'compute', namespace: 'payments'},
    spec: {hard: {pods: '10'}},
    status: {
      hard: {'requests.cpu': '2', pods: '10', 'limits.nvidia.com/gpu': '4', 'count/widgets.example.com': '3'},
      used: {'requests.cpu': '1700m', pods: '3', 'limits.nvidia.com/gpu': '1'},
    },
  }

  test('one sorted line per status.hard key', () => {
    const result = evaluateQuota(quota, thresholds)
    expect(result.namespace).toBe('payments')
    expect(result.name).toBe('compute')
    expect(result.lines.map((l) => [l.resource, l.status])).toEqual([
      ['count/widgets.example.com', 'unknown'],
      ['limits.nvidia.com/gpu', 'unknown'],
      ['pods', 'ok'],
      ['requests.cpu', 'warn'],
    ])
  })

  test('a key no evaluator reports is unknown even if used has a value', () => {
    expect(evaluateQuota(quota, thresholds).lines.find((l) => l.resource === 'limits.nvidia.com/gpu')?.used).toBeNull()
  })

  test('spec.hard is used when status is missing', () => {
    const fresh: ResourceQuota = {apiVersion: 'v1', kind: 'ResourceQuota', metadata: {name: 'q', namespace: 'n'}, spec: {hard: {pods: '5'}}}
    expect(evaluateQuota(fresh, thresholds).lines).toEqual([expect.objectContaining({resource: 'pods', status: 'unknown'})])
  })
})
