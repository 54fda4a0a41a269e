import {describe, expect, test} from 'vitest'
import {quotaFit} from './quota-fit.js'
import {quota} from './test-support/workload-builders.js'

describe('quotaFit (resourcequota controller.go CheckRequest)', () => {
  const compute = quota('compute', {'requests.cpu': '4', 'limits.cpu': '4', pods: '10'}, {'requests.cpu': '2', 'limits.cpu': '3', pods: '4'})

  test('fits: every requested key stays within hard', () => {
    const [fit] = quotaFit([compute], {}, {'payments/compute': {'requests.cpu': '1', pods: '2', 'count/deployments.apps': '1'}})
    expect(fit).toEqual({
      namespace: 'payments',
      name: 'compute',
      fits: true,
      usedUnknown: [],
      lines: [
        {resource: 'pods', requested: '2', used: '4', after: '6', limited: '10', fits: true, shortfall: '0'},
        {resource: 'requests.cpu', requested: '1', used: '2', after: '3', limited: '4', fits: true, shortfall: '0'},
      ],
    })
  })

  test('does not fit: the apiserver message names only the exceeded keys', () => {
    const [fit] = quotaFit([compute], {}, {'payments/compute': {'requests.cpu': '1', 'limits.cpu': '2', pods: '1'}})
    expect(fit?.fits).toBe(false)
    expect(fit?.message).toBe('exceeded quota: compute, requested: limits.cpu=2, used: limits.cpu=3, limited: limits.cpu=4')
    expect(fit?.lines.find((line) => line.resource === 'limits.cpu')).toEqual({resource: 'limits.cpu', requested: '2', used: '3', after: '5', limited: '4', fits: false, shortfall: '1'})
  })

  test('several exceeded keys are listed sorted, comma-joined', () => {
    const [fit] = quotaFit([compute], {}, {'payments/compute': {'requests.cpu': '2500m', 'limits.cpu': '2', pods: '1'}})
    expect(fit?.message).toBe('exceeded quota: compute, requested: limits.cpu=2,requests.cpu=2500m, used: limits.cpu=3,requests.cpu=2, limited: limits.cpu=4,requests.cpu=4')
  })

  test('exactly reaching hard fits', () => {
    expect(quotaFit([compute], {}, {'payments/compute': {'requests.cpu': '2'}})[0]?.fits).toBe(true)
  })

  test('zero deltas are dropped, so an over-quota key does not block unrelated changes (RemoveZeros)', () => {
    const over = quota('nodeports', {'services.nodeports': '1', services: '5'}, {'services.nodeports': '3', services: '1'})
    const [fit] = quotaFit([over], {}, {'payments/nodeports': {'services.nodeports': '0', services: '1'}})
    expect(fit?.fits).toBe(true)
    expect(fit?.lines.map((line) => line.resource)).toEqual(['services'])
  })

  test('recomputed usage replaces status.used when given', () => {
    const [fit] = quotaFit([compute], {'payments/compute': {'requests.cpu': '3500m'}}, {'payments/compute': {'requests.cpu': '1'}})
    expect(fit?.message).toBe('exceeded quota: compute, requested: requests.cpu=1, used: requests.cpu=3500m, limited: requests.cpu=4')
  })

  test('a quota with no delta requests nothing and fits', () => {
    expect(quotaFit([compute], {}, {})[0]).toMatchObject({fits: true, lines: []})
  })

  test('hard keys missing from status.used are reported (the server would answer "status unknown")', () => {
    const fresh = quota('fresh', {pods: '2', 'requests.cpu': '1'}, {pods: '0'})
    expect(quotaFit([fresh], {}, {})[0]?.usedUnknown).toEqual(['requests.cpu'])
  })

  test('units are compared exactly: 1Gi does not fit in 1G', () => {
    const memory = quota('memory', {'requests.memory': '1G'}, {'requests.memory': '0'})
    expect(quotaFit([memory], {}, {'payments/memory': {'requests.memory': '1Gi'}})[0]?.lines[0]).toMatchObject({fits: false, shortfall: '73741824'})
  })
})
