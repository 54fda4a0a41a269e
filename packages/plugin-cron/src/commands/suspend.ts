import {SetSuspendCommand} from '../set-suspend-command.js'

export default class Suspend extends SetSuspendCommand {
  static override summary = 'Suspend CronJobs: the controller stops scheduling them (running Jobs are not touched).'
  static override examples = ['<%= config.bin %> suspend nightly-report -n payments', '<%= config.bin %> suspend -l team=payments -n payments --dry-run=server']
  protected readonly suspend = true
}
