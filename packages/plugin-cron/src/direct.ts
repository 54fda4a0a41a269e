/**
 * cron-trigger's commands that run without oclif (dist/bundle/direct.cjs; packages/core/src/direct-run),
 * when every flag given is one listed for them in package.json's `kubeline.directRun` (direct.test.ts).
 */
import type {DirectRun} from '@kubeline/core'
import {runCronJobList} from './services/run-cron-job-list.js'
import type {CronJobListFlags} from './services/run-cron-job-list.js'

export const directRuns: Record<string, DirectRun> = {
  list: async (flags, session) => await runCronJobList(flags as unknown as CronJobListFlags, session),
}
