import {describe, expect, test} from 'vitest'
import type {JobCondition} from './cron-job-types.js'
import {jobOutcome} from './job-outcome.js'

const job = (conditions: JobCondition[], status: Record<string, number> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {name: 'j'},
  status: {...status, conditions},
})
const c = (type: string, status = 'True', reason?: string, message?: string): JobCondition => ({type, status, reason, message})

describe('jobOutcome', () => {
  test.each([
    {name: 'no conditions: running', conditions: [], want: {state: 'running', active: 1, succeeded: 0, failed: 0}},
    {name: 'Complete=True', conditions: [c('Complete', 'True', 'CompletionsReached')], want: {state: 'succeeded', reason: 'CompletionsReached'}},
    {name: 'SuccessCriteriaMet before Complete (1.31+)', conditions: [c('SuccessCriteriaMet', 'True', 'CompletionsReached')], want: {state: 'succeeded', reason: 'CompletionsReached'}},
    {
      name: 'Failed with BackoffLimitExceeded',
      conditions: [c('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')],
      want: {state: 'failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit'},
    },
    {name: 'FailureTarget before Failed (1.31+)', conditions: [c('FailureTarget', 'True', 'DeadlineExceeded')], want: {state: 'failed', reason: 'DeadlineExceeded'}},
    {name: 'a False condition does not count', conditions: [c('Failed', 'False')], want: {state: 'running', active: 1, succeeded: 0, failed: 0}},
    {name: 'Suspended is not an outcome', conditions: [c('Suspended', 'True', 'JobSuspended')], want: {state: 'running', active: 1, succeeded: 0, failed: 0}},
  ])('$name', ({conditions, want}) => {
    expect(jobOutcome(job(conditions, {active: 1}))).toEqual(want)
  })
})
