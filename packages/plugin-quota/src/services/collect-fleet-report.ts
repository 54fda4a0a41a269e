import {ExitCode, KubelineError, mapWithConcurrency, redactSecrets} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import {mergeContextReports} from '../domain/fleet-report.js'
import type {ContextOutcome, QuotaReport} from '../domain/fleet-report.js'
import {collectQuotaReport} from './collect-quota-report.js'
import type {QuotaReportRequest} from './collect-quota-report.js'

/** Clusters read at the same time in a fleet run. */
const FLEET_PARALLELISM = 4

/** Connects to a kubeconfig context (undefined: the current one), as the command's flags say. */
export type ConnectToContext = (context: string | undefined) => Promise<KubeClient>

/**
 * The report across the contexts asked for. One context (or none: the current one) behaves
 * as a plain run: a failure to read it is the command's error. Several are read in
 * parallel, FLEET_PARALLELISM at a time; a context that cannot be read (unreachable,
 * credentials rejected, forbidden, timed out) becomes an entry of `errors` beside the
 * others' results. Usage errors (an unknown context) and bugs still end the run.
 */
export async function collectFleetReport(contexts: readonly string[], connectTo: ConnectToContext, request: QuotaReportRequest): Promise<QuotaReport> {
  if (contexts.length <= 1) {
    const report = await collectQuotaReport(await connectTo(contexts[0]), request)
    return mergeContextReports([{context: report.context, report}])
  }
  const outcomes = await mapWithConcurrency(contexts, FLEET_PARALLELISM, async (context): Promise<ContextOutcome> => {
    try {
      return {context, report: await collectQuotaReport(await connectTo(context), request)}
    } catch (err) {
      if (!(err instanceof KubelineError) || err.exitCode !== ExitCode.failure) throw err
      return {context, error: {context, code: err.code, message: redactSecrets(err.message)}}
    }
  })
  return mergeContextReports(outcomes)
}
