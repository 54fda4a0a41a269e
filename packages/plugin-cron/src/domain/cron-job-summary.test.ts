import {describe, expect, test} from 'vitest'
import type {CronJob, Job} from './cron-job-types.js'
import {addLastJobFailure, cronJobSummarizer} from './cron-job-summary.js'
import type {CronJobSummary} from './cron-job-summary.js'
import {laterFinishedJob} from './last-finished-job.js'

const now = new Date('2026-03-07T12:00:00Z')

function cronJob(spec: Partial<CronJob['spec']>, status: CronJob['status'] = {}, created = '2026-01-01T00:00:00Z'): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {name: 'nightly', namespace: 'ops', creationTimestamp: created},
    spec: {schedule: '0 2 * * *', jobTemplate: {spec: {}}, ...spec},
    status,
  }
}

const job = (name: string, startTime: string, condition: string, reason: string): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {name},
  status: {startTime, conditions: [{type: condition, status: 'True', reason}]},
})

/** One CronJob summarized on its own, with its Jobs folded as the list service folds them. */
function summarizeCronJob(cronJob: CronJob, context: {now: Date; controllerTimeZone?: string; jobs?: Job[]}): CronJobSummary {
  const summary = cronJobSummarizer(context)(cronJob)
  addLastJobFailure(summary, (context.jobs ?? []).reduce(laterFinishedJob, undefined))
  return summary
}

describe('cronJobSummarizer', () => {
  test('next run in UTC by default, and no warning when on time', () => {
    const summary = summarizeCronJob(cronJob({}, {lastScheduleTime: '2026-03-07T02:00:00Z'}), {now})
    expect(summary).toMatchObject({name: 'nightly', namespace: 'ops', suspended: false, nextRun: '2026-03-08T02:00:00Z', warnings: []})
  })

  test('next run honours spec.timeZone', () => {
    const summary = summarizeCronJob(cronJob({timeZone: 'Europe/Paris'}, {lastScheduleTime: '2026-03-07T01:00:00Z'}), {now})
    expect(summary.nextRun).toBe('2026-03-08T01:00:00Z')
  })

  // Stored before Kubernetes 1.29 refused it: the controller still runs it in the prefix's zone (formatSchedule).
  test('a schedule stored with a CRON_TZ= prefix runs in that zone, not flagged invalid', () => {
    const summary = summarizeCronJob(cronJob({schedule: 'CRON_TZ=Europe/Paris 0 2 * * *'}, {lastScheduleTime: '2026-03-07T01:00:00Z'}), {now})
    expect(summary.nextRun).toBe('2026-03-08T01:00:00Z')
    expect(summary.warnings.map((w) => w.kind)).not.toContain('InvalidSchedule')
  })

  test('an @every CronJob runs an interval after its last run (or its creation), not an interval after now', () => {
    expect(summarizeCronJob(cronJob({schedule: '@every 10m'}, {lastScheduleTime: '2026-03-07T11:57:00Z'}), {now}).nextRun).toBe('2026-03-07T12:07:00Z')
    expect(summarizeCronJob(cronJob({schedule: '@every 7m'}, {}, '2026-03-07T11:55:00Z'), {now}).nextRun).toBe('2026-03-07T12:02:00Z')
  })

  test('a suspended CronJob has no next run and no missed-run warning', () => {
    const summary = summarizeCronJob(cronJob({suspend: true}, {lastScheduleTime: '2026-02-01T02:00:00Z'}), {now})
    expect(summary.nextRun).toBeUndefined()
    expect(summary.warnings).toEqual([])
  })

  test('missed runs are counted with the controller approximation', () => {
    const summary = summarizeCronJob(cronJob({}, {lastScheduleTime: '2026-03-04T02:00:00Z'}), {now})
    expect(summary.warnings).toEqual([expect.objectContaining({kind: 'MissedRuns', message: expect.stringMatching(/^3 runs missed/)})])
  })

  test('more than 100 missed runs', () => {
    const summary = summarizeCronJob(cronJob({schedule: '*/5 * * * *'}, {lastScheduleTime: '2026-03-06T00:00:00Z'}), {now})
    expect(summary.warnings.map((w) => w.kind)).toEqual(['TooManyMissedRuns'])
  })

  test('startingDeadlineSeconds bounds what counts as missed', () => {
    const summary = summarizeCronJob(
      cronJob({schedule: '*/5 * * * *', startingDeadlineSeconds: 600}, {lastScheduleTime: '2026-03-06T00:00:00Z'}),
      {now: new Date(now.getTime() + 250)},
    )
    expect(summary.warnings.map((w) => w.kind)).toEqual(['MissedRuns'])
    // 2 runs in the last 600 s, not 2 since the day-old last schedule (that would be 400).
    expect(summary.warnings[0]?.message).toBe(
      '2 runs missed within startingDeadlineSeconds (600) since 2026-03-07T11:50:00Z; the controller starts only the most recent one',
    )
  })

  test('a schedule inside the repeated hour runs twice; one in the gap is skipped', () => {
    const twice = summarizeCronJob(cronJob({schedule: '30 1 * * *', timeZone: 'America/New_York'}, {lastScheduleTime: '2026-03-07T06:30:00Z'}), {now})
    expect(twice.warnings.map((w) => w.kind)).toEqual(['RunsTwiceAtDst'])
    const skipped = summarizeCronJob(cronJob({schedule: '30 2 * * *', timeZone: 'America/New_York'}, {lastScheduleTime: '2026-03-07T07:30:00Z'}), {now})
    expect(skipped.warnings).toEqual([{kind: 'SkippedAtDst', message: expect.stringContaining('2026-03-08T02:30')}])
  })

  test('the last finished Job failing is a warning; an earlier failure is not', () => {
    const status = {lastScheduleTime: '2026-03-07T02:00:00Z'}
    const failedLast = summarizeCronJob(cronJob({}, status), {
      now,
      jobs: [job('a', '2026-03-06T02:00:00Z', 'Complete', 'CompletionsReached'), job('b', '2026-03-07T02:00:00Z', 'Failed', 'BackoffLimitExceeded')],
    })
    expect(failedLast.warnings).toEqual([{kind: 'LastJobFailed', message: 'last Job b failed: BackoffLimitExceeded'}])
    const recovered = summarizeCronJob(cronJob({}, status), {
      now,
      jobs: [job('a', '2026-03-06T02:00:00Z', 'Failed', 'BackoffLimitExceeded'), job('b', '2026-03-07T02:00:00Z', 'Complete', 'CompletionsReached')],
    })
    expect(recovered.warnings).toEqual([])
  })

  test('an invalid schedule stored in the cluster is reported, not thrown', () => {
    const summary = summarizeCronJob(cronJob({schedule: 'not a schedule'}), {now})
    expect(summary.warnings).toEqual([expect.objectContaining({kind: 'InvalidSchedule'})])
  })

  test('a last schedule time that is not a time is reported, not thrown', () => {
    const summary = summarizeCronJob(cronJob({}, {lastScheduleTime: 'yesterday'}), {now})
    expect(summary.warnings).toEqual([{kind: 'InvalidSchedule', message: 'invalid earliest time: not a valid date'}])
  })
})

describe('cronJobSummarizer over many CronJobs', () => {
  // CronJobs that share schedule and zone but differ in what the memo must not share:
  // suspension, last schedule time, starting deadline, and zone (unset vs the controller's own).
  const cronJobs = [
    cronJob({schedule: '*/5 * * * *'}, {lastScheduleTime: '2026-03-07T11:55:00Z'}),
    cronJob({schedule: '*/5 * * * *'}, {lastScheduleTime: '2026-03-07T11:00:00Z'}),
    cronJob({schedule: '*/5 * * * *'}, {lastScheduleTime: '2026-03-06T00:00:00Z'}),
    cronJob({schedule: '*/5 * * * *', startingDeadlineSeconds: 600}, {lastScheduleTime: '2026-03-06T00:00:00Z'}),
    cronJob({schedule: '*/5 * * * *', suspend: true}, {lastScheduleTime: '2026-03-06T00:00:00Z'}),
    cronJob({schedule: '30 2 * * *', timeZone: 'America/New_York'}),
    cronJob({schedule: '30 2 * * *', timeZone: 'America/New_York'}, {}, '2026-03-01T00:00:00Z'),
    cronJob({schedule: '30 2 * * *'}),
    cronJob({schedule: '30 2 * * *', timeZone: 'UTC'}),
    cronJob({schedule: '30 2 * * *', timeZone: 'America/New_York', suspend: true}),
    cronJob({schedule: 'not a schedule'}),
    cronJob({schedule: 'not a schedule'}),
  ]

  test.each([{controllerTimeZone: undefined}, {controllerTimeZone: 'America/New_York'}])(
    'one summarizer gives what a fresh one per CronJob gives (controller zone $controllerTimeZone)',
    ({controllerTimeZone}) => {
      const shared = cronJobSummarizer({now, controllerTimeZone})
      const alone = cronJobs.map((item) => cronJobSummarizer({now, controllerTimeZone})(item))
      expect(cronJobs.map((item) => shared(item))).toEqual(alone)
      expect(new Set(alone.map((summary) => JSON.stringify(summary.warnings))).size).toBeGreaterThan(5)
    },
  )

  test('each summary owns its warnings', () => {
    const summarize = cronJobSummarizer({now})
    const [first, second] = [summarize(cronJobs[2] as CronJob), summarize(cronJobs[2] as CronJob)]
    first?.warnings.push({kind: 'LastJobFailed', message: 'x'})
    ;(first?.warnings[0] as {message: string}).message = 'edited'
    expect(second?.warnings).toEqual([expect.objectContaining({kind: 'TooManyMissedRuns', message: expect.stringMatching(/^more than 100/)})])
  })
})
