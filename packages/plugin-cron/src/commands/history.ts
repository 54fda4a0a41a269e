import {Args, Flags} from '@oclif/core'
import {KubeCommand, noHeadersFlag} from '@kubeline/core'
import {historyView} from '../render/history-view.js'
import {cronJobHistory} from '../services/cron-job-history.js'

export default class History extends KubeCommand {
  static override summary = "A CronJob's Jobs, scheduled and manual, with start, duration and result."
  static override examples = ['<%= config.bin %> history nightly-report -n payments', '<%= config.bin %> history nightly-report -o json | jq \'.jobs[] | select(.result == "Failed")\'']
  static override args = {name: Args.string({description: 'CronJob name.', required: true, ignoreStdin: true})}
  static override flags = {
    ...noHeadersFlag,
    output: Flags.string({char: 'o', description: 'Output format: wide|json|yaml|name.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(History)
    const kube = await this.kube(flags)
    const now = new Date()
    const {cronJob, entries} = await cronJobHistory(kube, args.name, now)
    if (entries.length === 0 && ['table', 'wide'].includes(flags.output)) this.out.info(`cronjob.batch/${args.name} has no Jobs.`)
    this.print(historyView(cronJob, entries, now), flags.output, ['table', 'wide', 'json', 'yaml', 'name'], {noHeaders: flags['no-headers']})
  }
}
