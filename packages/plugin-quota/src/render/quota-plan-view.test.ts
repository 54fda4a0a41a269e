import {describe, expect, test} from 'vitest'
import {quotaPlan} from '../domain/quota-plan.js'
import {app, deployment, quota} from '../domain/test-support/workload-builders.js'
import type {QuotaPlanResult} from '../services/plan-quota-fit.js'
import {quotaPlanView} from './quota-plan-view.js'

function planOf(hardCpu: string): QuotaPlanResult {
  const plan = quotaPlan([deployment('web', 3, [app('200m', '1Gi')])], [quota('compute', {'requests.cpu': hardCpu, 'requests.memory': '8Gi'}, {'requests.cpu': '500m', 'requests.memory': '1Gi'})], {namespace: 'payments', offline: false})
  return {context: 'prod', namespace: 'payments', ...plan}
}

describe('quotaPlanView', () => {
  test('table: one row per key, the quantities of a row in one unit, then the rejection and the verdict', () => {
    const text = quotaPlanView(planOf('1')).text!()
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^NAMESPACE\s+QUOTA\s+RESOURCE\s+USED\s+\+REQUESTED\s+AFTER\s+HARD\s+FITS$/)
    expect(lines[1]).toMatch(/^payments\s+compute\s+requests\.cpu\s+500m\s+\+600m\s+1100m\s+1000m\s+NO$/)
    expect(lines[2]).toMatch(/^payments\s+compute\s+requests\.memory\s+1Gi\s+\+3Gi\s+4Gi\s+8Gi\s+yes$/)
    expect(text).toContain('REJECTED BY QUOTA')
    expect(text).toMatch(/payments\s+compute\s+exceeded quota: compute, requested: requests\.cpu=600m, used: requests\.cpu=500m, limited: requests\.cpu=1\n/)
    expect(text.trimEnd().split('\n').at(-1)).toBe('Does not fit: 1 quota(s) exceeded, 0 object(s) rejected.')
  })

  test('a plan that fits has no rejection section', () => {
    const text = quotaPlanView(planOf('2')).text!()
    expect(text).not.toContain('REJECTED BY QUOTA')
    expect(text).toMatch(/\nFits: every quota has room and no object would be rejected\.\n$/)
  })

  test('--no-headers: only the quota rows, for awk', () => {
    const text = quotaPlanView(planOf('1'), {noHeaders: true}).text!()
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^payments\s+compute\s+requests\.cpu\s+500m\s+\+600m\s+1100m\s+1000m\s+NO$/),
      expect.stringMatching(/^payments\s+compute\s+requests\.memory\s+1Gi\s+\+3Gi\s+4Gi\s+8Gi\s+yes$/),
      '',
    ])
  })

  test('objects the API server would refuse are listed whatever refuses them', () => {
    const bare = {...deployment('web', 1, [{name: 'app'}])}
    const plan = quotaPlan([bare], [quota('compute', {'requests.cpu': '2'}, {'requests.cpu': '0'})], {namespace: 'payments', offline: false})
    const text = quotaPlanView({context: 'prod', namespace: 'payments', ...plan}).text!()
    expect(text).toMatch(/\nREJECTED OBJECTS \(the API server would refuse these objects or their pods\)\nNAMESPACE\s+OBJECT\s+MESSAGE\npayments\s+deployment\/web\s+failed quota: compute: must specify requests\.cpu for: app\n/)
    expect(text.trimEnd().split('\n').at(-1)).toBe('Does not fit: 0 quota(s) exceeded, 1 object(s) rejected.')
  })

  test('markdown: the same rows as a table, sections in bold, notes as a list', () => {
    const markdown = quotaPlanView(planOf('1')).markdown!()
    expect(markdown).toContain('| payments | compute | requests.cpu | 500m | +600m | 1100m | 1000m | NO |\n')
    expect(markdown).toContain('**REJECTED BY QUOTA**')
    expect(markdown).toContain('**Notes**\n\n- not visible to a client')
  })

  test('the document is kind QuotaPlan with the fields in a fixed order', () => {
    const document = quotaPlanView(planOf('1')).document
    expect(Object.keys(document)).toEqual(['apiVersion', 'kind', 'context', 'namespace', 'offline', 'fits', 'quotas', 'delta', 'objects', 'violations', 'notes'])
    expect(document).toMatchObject({apiVersion: 'kubeline.dev/v1alpha1', kind: 'QuotaPlan', context: 'prod', fits: false})
  })
})
