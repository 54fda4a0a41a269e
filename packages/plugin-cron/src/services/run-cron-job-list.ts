import {ExitCode} from '@kubeline/core'
import type {CommandSession, KubeFlagValues} from '@kubeline/core'
import {checkTimeZone} from '../domain/time-zone.js'
import {cronJobListView} from '../render/cron-job-list-view.js'
import {listCronJobs} from './list-cron-jobs.js'

export const CRON_JOB_LIST_OUTPUTS = ['table', 'wide', 'json', 'yaml', 'name'] as const

/** `list`'s flags, as oclif parses them (commands/list.ts). */
export interface CronJobListFlags extends KubeFlagValues {
  'all-namespaces': boolean
  selector?: string
  'no-headers': boolean
  'controller-time-zone': string
  output: string
}

/** `list`'s whole run, once its flags are parsed. */
export async function runCronJobList(flags: CronJobListFlags, session: CommandSession): Promise<number> {
  // Checked even when no CronJob needs it: a wrong zone is the flag's fault, not each CronJob's.
  checkTimeZone(flags['controller-time-zone'], '--controller-time-zone')
  const kube = await session.kube(flags)
  const now = new Date()
  const items = await listCronJobs(kube, {
    allNamespaces: flags['all-namespaces'],
    selector: session.labelSelector(flags.selector),
    controllerTimeZone: flags['controller-time-zone'],
    now,
  })
  if (items.length === 0 && ['table', 'wide'].includes(flags.output)) {
    session.out.info(flags['all-namespaces'] ? 'No resources found' : `No resources found in ${kube.namespace} namespace.`)
  }
  session.print(cronJobListView(items, {now, allNamespaces: flags['all-namespaces']}), flags.output, CRON_JOB_LIST_OUTPUTS, {noHeaders: flags['no-headers']})
  return ExitCode.ok
}
