import {describe, expect, test} from 'vitest'
import type {CronJob} from './cron-job-types.js'
import {INSTANTIATE_ANNOTATION, MAX_JOB_NAME_LENGTH, manualJobFor, manualJobName} from './manual-job.js'

const cronJob = (overrides: Partial<CronJob['spec']['jobTemplate']> = {}): CronJob => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: {name: 'nightly-report', namespace: 'payments', uid: 'cj-uid-1', labels: {owner: 'cronjob-level-label'}},
  spec: {
    schedule: '0 2 * * *',
    jobTemplate: {
      metadata: {labels: {app: 'report'}, annotations: {team: 'payments'}},
      spec: {
        backoffLimit: 2,
        ttlSecondsAfterFinished: 60,
        template: {spec: {containers: [{name: 'report', image: 'report:1', env: [{name: 'MODE', value: 'full'}]}]}},
      },
      ...overrides,
    },
  },
})

describe('manualJobFor (kubectl create job --from=cronjob)', () => {
  test('copies template labels, annotations and spec; adds the manual annotation and one controller ownerReference', () => {
    const job = manualJobFor(cronJob(), 'nightly-report-manual-x1')
    expect(job).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'nightly-report-manual-x1',
        namespace: 'payments',
        labels: {app: 'report'},
        annotations: {[INSTANTIATE_ANNOTATION]: 'manual', team: 'payments'},
        ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly-report', uid: 'cj-uid-1', controller: true}],
      },
      spec: cronJob().spec.jobTemplate.spec,
    })
    expect(job.metadata.ownerReferences?.[0]).not.toHaveProperty('blockOwnerDeletion')
  })

  test("the template's annotations win over the manual marker, as in kubectl", () => {
    const job = manualJobFor(cronJob({metadata: {annotations: {[INSTANTIATE_ANNOTATION]: 'template-says'}}}), 'j')
    expect(job.metadata.annotations).toEqual({[INSTANTIATE_ANNOTATION]: 'template-says'})
  })

  test('no template metadata gives no labels and only the marker', () => {
    const job = manualJobFor(cronJob({metadata: undefined}), 'j')
    expect(job.metadata.labels).toBeUndefined()
    expect(job.metadata.annotations).toEqual({[INSTANTIATE_ANNOTATION]: 'manual'})
  })

  test('--env overrides and adds variables without touching the CronJob', () => {
    const source = cronJob()
    const job = manualJobFor(source, 'j', [{name: 'MODE', value: 'dry-run'}, {name: 'EXTRA', value: '1'}])
    expect(job.spec?.template?.spec?.containers?.[0]?.env).toEqual([{name: 'MODE', value: 'dry-run'}, {name: 'EXTRA', value: '1'}])
    expect(source.spec.jobTemplate.spec.template?.spec?.containers?.[0]?.env).toEqual([{name: 'MODE', value: 'full'}])
  })
})

describe('manualJobName', () => {
  test.each([
    {cronJob: 'nightly', suffix: 'a1b2c', want: 'nightly-manual-a1b2c'},
    {cronJob: 'x'.repeat(52), suffix: 'a1b2c', want: `${'x'.repeat(50)}-manual-a1b2c`},
    {cronJob: `${'y'.repeat(49)}-z`, suffix: 'a1b2c', want: `${'y'.repeat(49)}-manual-a1b2c`},
  ])('$cronJob -> $want', ({cronJob: name, suffix, want}) => {
    const got = manualJobName(name, suffix)
    expect(got).toBe(want)
    expect(got.length).toBeLessThanOrEqual(MAX_JOB_NAME_LENGTH)
  })
})
