/**
 * quota-report's run without oclif (dist/bundle/direct.cjs; packages/core/src/direct-run): taken when
 * every flag given is one listed in package.json's `kubeline.directRun`, whose values oclif passes
 * through unchanged, so the flags are what oclif would give (direct-run.test.ts checks this).
 */
import type {DirectRun} from '@kubeline/core'
import {runQuotaReport} from './services/run-quota-report.js'
import type {QuotaReportFlags} from './services/run-quota-report.js'

export const directRuns: Record<string, DirectRun> = {
  '.': async (flags, session) => await runQuotaReport(flags as unknown as QuotaReportFlags, session),
}
