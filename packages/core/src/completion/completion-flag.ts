import {Flags} from '@oclif/core'
import {COMPLETION_SHELLS, completionScript, pluginBinary} from './completion-script.js'
import type {CompletionShell} from './completion-script.js'

/**
 * `--completion bash|zsh|fish` for a single-command plugin (kubectl quota-report),
 * whose only command has no room for a `completion` sub-command: like
 * `--version`, it prints and exits while the flags are parsed.
 */
export const completionFlag = {
  completion: Flags.string({
    description: 'Print a shell completion script (bash, zsh or fish) and exit.',
    options: [...COMPLETION_SHELLS],
    helpGroup: 'GLOBAL',
    async parse(shell, command) {
      command.log(completionScript(shell as CompletionShell, pluginBinary(command.config.bin), {viaFlag: true}).trimEnd())
      command.exit(0)
      return shell
    },
  }),
}
