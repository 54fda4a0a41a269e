import {describe, expect, test} from 'vitest'
import type {Job} from './cron-job-types.js'
import {laterFinishedJob} from './last-finished-job.js'

const job = (name: string, startTime: string | undefined, condition?: string): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {name},
  status: {...(startTime === undefined ? {} : {startTime}), conditions: condition ? [{type: condition, status: 'True', reason: condition}] : []},
})

const lastOf = (jobs: Job[]) => jobs.reduce(laterFinishedJob, undefined)?.name

describe('laterFinishedJob', () => {
  test.each([
    {name: 'no Jobs', jobs: [], want: undefined},
    {name: 'only running Jobs', jobs: [job('a', '2026-03-07T02:00:00Z')], want: undefined},
    {name: 'the later start wins, whatever the order', jobs: [job('b', '2026-03-07T02:00:00Z', 'Failed'), job('a', '2026-03-06T02:00:00Z', 'Complete')], want: 'b'},
    {name: 'a running Job started later is passed over', jobs: [job('a', '2026-03-06T02:00:00Z', 'Complete'), job('b', '2026-03-07T02:00:00Z')], want: 'a'},
    {name: 'a tie keeps the first seen (a stable sort)', jobs: [job('a', '2026-03-07T02:00:00Z', 'Complete'), job('b', '2026-03-07T02:00:00Z', 'Failed')], want: 'a'},
    {name: 'no startTime counts as the earliest', jobs: [job('a', undefined, 'Failed'), job('b', '2026-03-01T00:00:00Z', 'Complete')], want: 'b'},
    {name: 'FailureTarget is finished (1.31+)', jobs: [job('a', '2026-03-06T02:00:00Z', 'Complete'), job('b', '2026-03-07T02:00:00Z', 'FailureTarget')], want: 'b'},
  ])('$name', ({jobs, want}) => {
    expect(lastOf(jobs)).toBe(want)
  })

  test('keeps the outcome, so the warning can name the reason', () => {
    expect(laterFinishedJob(undefined, job('b', '2026-03-07T02:00:00Z', 'Failed'))).toEqual({
      name: 'b',
      startTime: '2026-03-07T02:00:00Z',
      outcome: {state: 'failed', reason: 'Failed'},
    })
  })
})
