import {Args, Flags} from '@oclif/core'
import {KubeCommand, UsageError, noHeadersFlag} from '@kubeline/core'
import {parseRfc3339Time} from '../domain/rfc3339-time.js'
import {checkTimeZone} from '../domain/time-zone.js'
import {nextRunsView} from '../render/next-runs-view.js'
import {refuseSplitSchedule} from '../schedule-argument.js'
import {nextRunTimes} from '../services/next-run-times.js'

const OUTPUTS = ['table', 'json', 'yaml'] as const

export default class Next extends KubeCommand {
  static override summary = 'Show the next run times of a CronJob (or a schedule) exactly as the controller computes them.'
  static override description = `Computes the next runs with the controller's own rules (robfig/cron v3.0.1): day-of-month/day-of-week OR semantics, spec.timeZone, runs skipped in a DST gap and run twice in a repeated hour. A CronJob without spec.timeZone runs in the kube-controller-manager's zone, which a client cannot see: UTC is assumed unless --controller-time-zone says otherwise.`

  static override examples = [
    {description: 'The next 5 runs of a CronJob', command: '<%= config.bin %> next nightly-report -n payments'},
    {description: 'Check a schedule before you commit it', command: "<%= config.bin %> next --schedule '30 1 * * *' --time-zone America/New_York --count 10"},
    {description: 'The first run after a date, as JSON', command: "<%= config.bin %> next nightly-report --from 2026-12-24T00:00:00Z --count 1 -o json | jq -r '.runs[0].utc'"},
  ]

  // Extra words are taken so that an unquoted --schedule, split by the shell, gets its own message below.
  static override strict = false
  static override usage = 'next [NAME] [--schedule <value>] [--time-zone <value>] [--controller-time-zone <value>] [-c <value>] [--from <value>] [-o <value>] [--no-headers]'
  static override args = {name: Args.string({description: 'CronJob name.', ignoreStdin: true})}
  static override flags = {
    ...noHeadersFlag,
    schedule: Flags.string({description: 'A schedule to evaluate instead of a CronJob.'}),
    'time-zone': Flags.string({description: 'IANA time zone for --schedule, as spec.timeZone.'}),
    'controller-time-zone': Flags.string({description: "The kube-controller-manager's zone, for CronJobs without spec.timeZone.", default: 'UTC'}),
    count: Flags.integer({char: 'c', description: 'How many runs to show.', default: 5, min: 1, max: 1000}),
    from: Flags.string({description: 'Start after this time (RFC 3339). Default: now.'}),
    output: Flags.string({char: 'o', description: 'Output format: json|yaml.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {args, argv, flags} = await this.parse(Next)
    checkWords(flags.schedule, argv as string[], this.config.bin)
    // Checked even when no CronJob needs it: a wrong zone is the flag's fault, not each CronJob's.
    checkTimeZone(flags['controller-time-zone'], '--controller-time-zone')
    const now = new Date()
    const from = flags.from === undefined ? now : parseRfc3339Time(flags.from, '--from')
    const result = await nextRunTimes(() => this.kube(flags), {
      cronJob: args.name,
      schedule: flags.schedule,
      timeZone: flags['time-zone'],
      controllerTimeZone: flags['controller-time-zone'],
      from,
      count: flags.count,
    })
    if (args.name !== undefined && flags['time-zone'] !== undefined) this.out.warn('--time-zone applies to --schedule only; the CronJob\'s own zone is used')
    if (result.suspended) this.out.warn(`cronjob.batch/${args.name} is suspended: the controller starts none of these runs until it is resumed`)
    if (result.runs.length === 0 && flags.output === 'table') this.out.info(`no run of "${result.schedule}" within five years`)
    this.print(nextRunsView(result, now), flags.output, OUTPUTS, {noHeaders: flags['no-headers']})
  }
}

/** Words after a whole schedule are a CronJob name, which nextRunTimes refuses together with --schedule. */
function checkWords(schedule: string | undefined, words: string[], bin: string): void {
  if (schedule !== undefined && !isWholeSchedule(schedule)) refuseSplitSchedule([schedule, ...words], `${bin} next --schedule '0 2 * * 1'`)
  if (words.length > 1) throw new UsageError('INVALID_ARGUMENT', `one CronJob name at most, got ${words.length}: ${words.join(' ')}`, {fix: `See '${bin} next --help'.`})
}

/** Five fields have spaces between them; of the one-word descriptors only `@every` needs a second word. */
function isWholeSchedule(schedule: string): boolean {
  return /\s/.test(schedule) || (schedule.startsWith('@') && schedule !== '@every')
}
