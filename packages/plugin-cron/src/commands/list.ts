import {Flags} from '@oclif/core'
import {KubeCommand, allNamespacesFlag, noHeadersFlag, selectorFlag} from '@kubeline/core'
import {runCronJobList} from '../services/run-cron-job-list.js'

export default class List extends KubeCommand {
  static override summary = 'List CronJobs with their next run, last success and what needs attention.'
  static override description = `Like \`kubectl get cronjobs\`, plus the next run as the controller computes it and warnings: missed runs (the controller's own count, starting deadline included), more than 100 missed, the last Job failed, and schedules that run twice or not at all across DST in their zone.`

  static override examples = [
    '<%= config.bin %> list -n payments',
    '<%= config.bin %> list -A -o wide',
    "<%= config.bin %> list -A -o json | jq -r '.items[] | select(.warnings | length > 0) | \"\\(.namespace)/\\(.name)\"'",
  ]

  static override flags = {
    ...allNamespacesFlag,
    ...selectorFlag,
    ...noHeadersFlag,
    'controller-time-zone': Flags.string({description: "The kube-controller-manager's zone, for CronJobs without spec.timeZone.", default: 'UTC'}),
    output: Flags.string({char: 'o', description: 'Output format: wide|json|yaml|name.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(List)
    await runCronJobList(flags, this.session)
  }
}
