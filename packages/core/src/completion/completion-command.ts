import {Args, Command} from '@oclif/core'
import {COMPLETION_SHELLS, completionScript, pluginBinary} from './completion-script.js'
import type {CompletionShell} from './completion-script.js'

/** The plugin's file name in help examples (oclif renders them with ejs): kubectl cron-trigger -> kubectl-cron_trigger. */
const BINARY = "<%= 'kubectl-' + config.bin.slice('kubectl '.length).replaceAll('-', '_') %>"

/**
 * `completion bash|zsh|fish`, registered in the command table of each
 * multi-command plugin. Single-command plugins take `completionFlag` instead.
 */
export class CompletionCommand extends Command {
  static override summary = 'Print a shell completion script for this plugin: bash, zsh or fish.'
  static override description = `The script completes sub-commands, flags, -o formats and live names (namespaces, CronJobs, Deployments of the current context) when the plugin's file is typed directly, as ${BINARY}.

\`kubectl <%= config.bin.slice('kubectl '.length) %> <TAB>\` is completed by kubectl's own completion (kubectl 1.26+), which runs kubectl_complete-<plugin> from PATH: npm installs it beside the plugin; see docs/distribution.md for krew and the standalone binaries.`

  static override examples = [
    {description: 'Complete in this bash session', command: `source <(${BINARY} completion bash)`},
    {description: 'Complete in every zsh session (the first directory of $fpath)', command: `${BINARY} completion zsh > "\${fpath[1]}/_${BINARY}"`},
    {description: 'Complete in every fish session', command: `${BINARY} completion fish > ~/.config/fish/completions/${BINARY}.fish`},
  ]

  // Not a KubeCommand: a script generator has no use for kubectl's connection flags.
  static override args = {
    shell: Args.string({description: 'The shell to complete in.', options: [...COMPLETION_SHELLS], required: true, ignoreStdin: true}),
  }

  async run(): Promise<void> {
    const {args} = await this.parse(CompletionCommand)
    this.log(completionScript(args.shell as CompletionShell, pluginBinary(this.config.bin)).trimEnd())
  }
}
