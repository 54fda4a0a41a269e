import {ExitCode} from '@kubeline/core'
import type {CommandSession, KubeFlagValues} from '@kubeline/core'
import {reportExitCode} from '../domain/report-exit-code.js'
import {quotaPlanView} from '../render/quota-plan-view.js'
import {quotaReportView} from '../render/quota-report-view.js'
import {quotaSummary} from '../render/quota-summary.js'
import {collectFleetReport} from './collect-fleet-report.js'
import {contextsToReport} from './contexts-to-report.js'
import {planQuotaFit} from './plan-quota-fit.js'

export const QUOTA_REPORT_OUTPUTS = ['table', 'wide', 'json', 'yaml', 'markdown'] as const

/** quota-report's flags, as oclif parses them (commands/report.ts). */
export interface QuotaReportFlags extends Omit<KubeFlagValues, 'context'> {
  context?: string[]
  'all-namespaces': boolean
  selector?: string
  'all-contexts': boolean
  'no-headers': boolean
  warn: number
  'fail-at': number
  top: number
  'fail-on-missing': boolean
  filename?: string[]
  offline: boolean
  nodes?: number
  output: string
}

/** quota-report's whole run, once its flags are parsed: the report, or with -f the plan. Resolves to the exit code. */
export async function runQuotaReport(flags: QuotaReportFlags, session: CommandSession): Promise<number> {
  const contexts = contextsToReport({
    contexts: flags.context,
    allContexts: flags['all-contexts'],
    kubeconfig: flags.kubeconfig,
    cluster: flags.cluster,
    user: flags.user,
    planMode: flags.filename !== undefined,
  })
  const connectTo = (context: string | undefined) => session.kube({...flags, context})
  if (flags.filename !== undefined) {
    const request = {files: flags.filename, namespace: flags.namespace, nodeCount: flags.nodes, now: new Date()}
    const plan = await planQuotaFit(request, flags.offline ? undefined : () => connectTo(contexts[0]))
    session.print(quotaPlanView(plan, {noHeaders: flags['no-headers']}), flags.output, QUOTA_REPORT_OUTPUTS.filter((format) => format !== 'wide'))
    return plan.fits ? ExitCode.ok : ExitCode.verdictNo
  }
  const report = await collectFleetReport(contexts, connectTo, {
    allNamespaces: flags['all-namespaces'],
    namespaceSelector: session.labelSelector(flags.selector),
    warnAtPercent: flags.warn,
    failAtPercent: flags['fail-at'],
    top: flags.top,
    now: new Date(),
  })
  const view = quotaReportView(report, {noHeaders: flags['no-headers'], wide: flags.output === 'wide'})
  session.print(view, flags.output, QUOTA_REPORT_OUTPUTS, {noHeaders: flags['no-headers']})
  for (const error of report.errors) session.out.error(`context "${error.context}": ${error.message}`)
  const summary = quotaSummary(report)
  return reportExitCode({failedContexts: report.errors.length, breached: summary.breached, missingRequests: summary.missingRequests, failOnMissing: flags['fail-on-missing']})
}
