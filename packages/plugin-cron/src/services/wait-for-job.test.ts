import type {KubeClient} from '@kubeline/core'
import {expect, test} from 'vitest'
import type {Job} from '../domain/cron-job-types.js'
import {waitForJob} from './wait-for-job.js'

const running: Job = {apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'backup-manual-x', namespace: 'ops', uid: 'u1', resourceVersion: '7'}, status: {active: 1}}

/** A watch that sends nothing and ends only when its signal aborts, as a quiet API server's does. */
const quietWatch = {
  watch: (_type: unknown, {signal}: {signal: AbortSignal}): AsyncIterable<never> => ({
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        await new Promise((resolve) => (signal.aborted ? resolve(undefined) : signal.addEventListener('abort', resolve, {once: true})))
        return {done: true as const, value: undefined}
      },
    }),
  }),
} as unknown as KubeClient

// The timeout only guards against the hang: the wait never heard a signal that had expired before it started.
test('a signal that expired before the wait began ends it at once, as a timeout', async () => {
  const stop = new AbortController()
  stop.abort()
  expect(await waitForJob(quietWatch, running, {signal: stop.signal})).toEqual({state: 'timeout', job: running})
}, 10_000)

test('a signal that expires during the wait ends it as a timeout', async () => {
  const stop = new AbortController()
  setTimeout(() => stop.abort(), 10)
  expect(await waitForJob(quietWatch, running, {signal: stop.signal})).toEqual({state: 'timeout', job: running})
}, 10_000)
