import type {ManifestCommand, ManifestFlag, PluginManifest} from '../../command/plugin-manifest.js'
import {SINGLE_COMMAND_ID} from '../../command/plugin-manifest.js'

// Shaped like the oclif.manifest.json files the plugin builds write (flags
// trimmed to the kinds completion distinguishes), so the tests do not depend
// on a plugin being built.
const option = (name: string, extra: Partial<ManifestFlag> = {}): ManifestFlag => ({name, type: 'option', ...extra})
const boolean = (name: string, extra: Partial<ManifestFlag> = {}): ManifestFlag => ({name, type: 'boolean', allowNo: false, ...extra})

const kubeFlags = [
  option('kubeconfig', {description: 'Path to the kubeconfig file to use.'}),
  option('context', {description: 'The name of the kubeconfig context to use.'}),
  option('namespace', {char: 'n', description: 'The namespace scope for this request.'}),
  option('request-timeout'),
  boolean('insecure-skip-tls-verify'),
]

function command(id: string, pluginName: string, summary: string, args: string[], flags: ManifestFlag[], extra: Partial<ManifestCommand> = {}): ManifestCommand {
  return {
    id,
    pluginName,
    summary,
    args: Object.fromEntries(args.map((name) => [name, {name}])),
    flags: Object.fromEntries([...kubeFlags, ...flags].map((flag) => [flag.name, flag])),
    ...extra,
  }
}

const cron = (id: string, summary: string, args: string[], flags: ManifestFlag[], extra?: Partial<ManifestCommand>) =>
  command(id, '@kubeline/plugin-cron', summary, args, flags, extra)

const dryRun = option('dry-run', {options: ['none', 'client', 'server']})

/** Multi-command, like plugin-cron's. */
export const CRON_MANIFEST: PluginManifest = {
  commands: {
    now: cron('now', 'Run a CronJob now.', ['name'], [dryRun, boolean('wait'), option('output', {char: 'o', default: 'table', description: 'Output format: json|yaml|name. Default: "job.batch/NAME created".'})]),
    validate: cron('validate', 'Check a schedule\tthe way the API server does.\nMore text.', ['schedule'], []),
    suspend: cron('suspend', 'Suspend CronJobs.', ['name'], [dryRun, option('selector', {char: 'l'})], {strict: false}),
    list: cron('list', 'List CronJobs.', [], [boolean('all-namespaces', {char: 'A'})]),
    debug: cron('debug', 'Hidden helper.', [], [], {hidden: true}),
    completion: cron('completion', 'Print a shell completion script.', [], [], {args: {shell: {name: 'shell', options: ['bash', 'zsh', 'fish']}}}),
  },
}

const rollout = (id: string, summary: string, flags: ManifestFlag[] = [], extra?: Partial<ManifestCommand>) =>
  command(id, '@kubeline/plugin-rollout', summary, ['deployment'], flags, extra)

/** Multi-command with a topic of two-word commands (`bluegreen start`), like plugin-rollout's. */
export const ROLLOUT_MANIFEST: PluginManifest = {
  commands: {
    start: rollout('start', 'Start a canary release.', [option('steps'), boolean('wait')]),
    pause: rollout('pause', 'Pause a release.'),
    'bluegreen:start': rollout('bluegreen:start', 'Start a blue/green release.', [option('scale-down-delay')]),
    'bluegreen:switch': rollout('bluegreen:switch', 'Send all traffic to green.'),
    'bluegreen:debug': rollout('bluegreen:debug', 'Hidden helper.', [], {hidden: true}),
    'secret:helper': rollout('secret:helper', 'A hidden topic\'s only command.', [], {hidden: true}),
  },
}

/** Single-command, like plugin-quota's. */
export const QUOTA_MANIFEST: PluginManifest = {
  commands: {
    [SINGLE_COMMAND_ID]: command(SINGLE_COMMAND_ID, '@kubeline/plugin-quota', 'Show quota use.', [], [
      option('filename', {char: 'f', description: 'Plan mode: manifests to check.'}),
      boolean('fail-on-missing'),
      boolean('ipblock-matches-pods', {allowNo: true}),
      option('fail-at'),
      option('output', {char: 'o', default: 'table', description: 'Output format: wide|json|yaml|markdown|dot.'}),
      option('secret', {hidden: true}),
    ]),
  },
}
