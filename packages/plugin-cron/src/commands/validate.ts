import {Args, Flags} from '@oclif/core'
import {KubeCommand, kubelineDocument} from '@kubeline/core'
import {nextRuns} from '../domain/next-runs.js'
import {parseSchedule} from '../domain/parse-schedule.js'
import {formatRfc3339Time} from '../domain/rfc3339-time.js'
import {refuseSplitSchedule} from '../schedule-argument.js'

export default class Validate extends KubeCommand {
  static override summary = 'Check a schedule (and time zone) the way the API server does: exit 0 if valid, 2 with the reason if not.'
  static override examples = [
    "<%= config.bin %> validate '0 2 * * 1-5'",
    "<%= config.bin %> validate '0 2 * * 7'   # exit 2: day-of-week 7 is out of range in Kubernetes",
    "<%= config.bin %> validate '@daily' --time-zone Europe/Berlin -o json",
  ]

  // Extra words are taken so that an unquoted schedule, split by the shell, gets its own message below.
  static override strict = false
  static override usage = 'validate SCHEDULE [--time-zone <value>] [-o <value>]'
  static override args = {schedule: Args.string({description: 'The schedule, as one quoted argument.', required: true, ignoreStdin: true})}
  static override flags = {
    'time-zone': Flags.string({description: 'IANA time zone, as spec.timeZone.'}),
    output: Flags.string({char: 'o', description: 'Output format: json|yaml.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {args, argv, flags} = await this.parse(Validate)
    refuseSplitSchedule(argv as string[], `${this.config.bin} validate '0 2 * * 1'`)
    const schedule = parseSchedule(args.schedule, flags['time-zone'] === undefined ? {} : {timeZone: flags['time-zone']})
    const [next] = nextRuns(schedule, {from: new Date(), count: 1})
    const document = kubelineDocument('ScheduleValidation', {
      schedule: args.schedule,
      timeZone: flags['time-zone'] ?? null,
      valid: true,
      nextRun: next ? formatRfc3339Time(next) : null,
    })
    this.print({document, text: () => `valid: ${args.schedule}${next ? ` (next run ${formatRfc3339Time(next)})` : ' (but it never runs within five years)'}`}, flags.output, ['table', 'json', 'yaml'])
  }
}
