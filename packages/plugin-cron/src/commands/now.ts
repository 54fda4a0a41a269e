import {randomBytes} from 'node:crypto'
import {Args, Flags} from '@oclif/core'
import {ExitCode, KubeCommand, UsageError, parseNonNegativeDuration, parseOutputFormat, selectorFlag} from '@kubeline/core'
import {parseEnvOverride} from '../domain/env-overrides.js'
import {describeCreated, describeResult, jobsView} from '../render/job-result.js'
import {runNow} from '../services/run-now.js'
import type {DryRun} from '../services/trigger-cron-jobs.js'
import type {WaitResult} from '../services/wait-for-job.js'

const OUTPUTS = ['table', 'json', 'yaml', 'name'] as const

export default class Now extends KubeCommand {
  static override summary = 'Run a CronJob now: create its Job, optionally wait for it and stream its logs.'
  static override description = `Creates a Job from each CronJob exactly as \`kubectl create job --from=cronjob/NAME\` does (same labels, annotations, spec and owner), named <cronjob>-manual-<suffix>. With --wait it follows the Job until it succeeds or fails and exits 0 or 3; with --logs it streams the pods' logs to stdout as they run. A suspended CronJob can be triggered (with a warning). \`kubectl cron-trigger NAME\` is short for \`now NAME\`.`

  static override examples = [
    {description: 'Run the nightly report now and wait for its result', command: '<%= config.bin %> now nightly-report -n payments --wait'},
    {description: 'Run it with a different setting, streaming its logs (a CI step)', command: '<%= config.bin %> now db-backup -n ops --env DRY_RUN=true --logs --timeout 10m'},
    {description: 'Every CronJob labelled tier=batch, names only', command: "<%= config.bin %> now -l tier=batch -n ops -o name"},
    {description: 'See the Job it would create', command: '<%= config.bin %> now nightly-report --dry-run=client -o yaml'},
  ]

  static override strict = false
  static override args = {name: Args.string({description: 'CronJob name(s).', ignoreStdin: true})}
  static override flags = {
    ...selectorFlag,
    'job-name': Flags.string({description: 'Name of the Job to create (one CronJob only). Default: <cronjob>-manual-<random>.'}),
    env: Flags.string({description: 'Set (or override) an environment variable in every container: KEY=VALUE. Repeatable.', multiple: true}),
    wait: Flags.boolean({description: 'Wait for the Job to succeed (exit 0) or fail (exit 3).'}),
    logs: Flags.boolean({description: "Stream the Job's pod logs to stdout while it runs (implies waiting for it; not with -o)."}),
    timeout: Flags.string({description: 'Give up waiting after this long, for all the Jobs together (exit 1): 30s, 10m, 1h; 0 waits forever.', default: '0'}),
    'dry-run': Flags.string({description: 'client: print the Job without sending it; server: let the API server validate it without creating it.', options: ['none', 'client', 'server'], default: 'none'}),
    output: Flags.string({char: 'o', description: 'Output format: json|yaml|name. Default: "job.batch/NAME created".', default: 'table'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Now)
    // Every input is checked before the Jobs are created: a bad -o must not leave a Job behind.
    const output = parseOutputFormat(flags.output, OUTPUTS)
    if (flags.logs && output !== 'table') {
      throw new UsageError('INVALID_FLAG', `--logs writes the logs to stdout: it cannot be combined with -o ${output}`, {fix: 'Drop -o, or use --wait instead of --logs.'})
    }
    const env = (flags.env ?? []).map(parseEnvOverride)
    const timeoutMs = parseNonNegativeDuration(flags.timeout, '--timeout')
    if (timeoutMs > 0 && !flags.wait && !flags.logs) {
      throw new UsageError('INVALID_FLAG', `--timeout ${flags.timeout} needs --wait or --logs: without them nothing is waited for`, {fix: 'Add --wait (or --logs) to wait for the Job.'})
    }
    const kube = await this.kube(flags)
    const dryRun = flags['dry-run'] as DryRun
    // Without -o the "created" line is the result, printed as each Job exists so a CI log names it while it runs.
    const createdIsResult = output === 'table' && !flags.logs
    const {jobs, results} = await runNow(
      kube,
      {
        names: argv as string[],
        selector: this.labelSelector(flags.selector),
        namespace: flags.namespace,
        jobName: flags['job-name'],
        env,
        dryRun,
        wait: flags.wait,
        logs: flags.logs,
        timeoutMs,
      },
      {
        warn: (message) => this.out.warn(message),
        created: (job) => (createdIsResult ? this.out.result(`${describeCreated(job, dryRun)}\n`) : this.out.info(describeCreated(job, dryRun))),
        progress: (job, outcome) => outcome.state === 'running' && this.out.debug(`job.batch/${job.metadata.name}: ${outcome.active} active, ${outcome.succeeded} succeeded, ${outcome.failed} failed`),
        logLine: (line) => this.out.result(`${line}\n`),
        logsOfPod: (pod, attempt) => attempt > 1 && this.out.info(`--- pod/${pod} (attempt ${attempt})`),
        suffix: () => randomBytes(3).toString('hex').slice(0, 5),
      },
    )
    if (output !== 'table') this.print(jobsView(jobs, results), output, OUTPUTS)
    for (const result of results) this.out.info(describeResult(result))
    const code = exitCodeFor(results)
    if (code !== ExitCode.ok) this.exit(code)
  }
}

function exitCodeFor(results: WaitResult[]): number {
  if (results.some((result) => result.state === 'timeout' || result.state === 'deleted')) return ExitCode.failure
  if (results.some((result) => result.state === 'failed')) return ExitCode.verdictNo
  return ExitCode.ok
}
