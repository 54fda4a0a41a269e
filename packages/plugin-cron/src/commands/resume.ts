import {SetSuspendCommand} from '../set-suspend-command.js'

export default class Resume extends SetSuspendCommand {
  static override summary = 'Resume suspended CronJobs: the controller schedules them again.'
  static override examples = ['<%= config.bin %> resume nightly-report -n payments', '<%= config.bin %> resume -l team=payments -n payments -o name']
  protected readonly suspend = false
}
