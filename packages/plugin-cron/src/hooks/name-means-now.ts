import {Help} from '@oclif/core'
import type {Hook} from '@oclif/core'
import {unknownCommand} from '@kubeline/core'

/** `kubectl cron-trigger NAME ...` with NAME not a command word is `now NAME ...`; `help CMD` is CMD's help. */
const nameMeansNow: Hook.CommandNotFound = async function (options) {
  const words = options.id.split(':')
  if (words[0] === 'help') return await unknownCommand.call(this, options)
  return await options.config.runCommand('now', [...words, ...(options.argv ?? [])])
}

export default nameMeansNow

/**
 * The same rule for help (the package.json's `oclif.helpClass`): oclif shows help before it looks for the
 * command, so `NAME --help` and `help NAME` would be "command NAME not found"; they show now's help, what
 * `NAME` runs. Here, beside the hook, because the bundle serves oclif only its command and hook modules.
 */
export class NameMeansNowHelp extends Help {
  override async showHelp(argv: string[]): Promise<void> {
    await super.showHelp(this.meansNow(argv) ? ['now', ...argv] : argv)
  }

  /** Whether the word oclif takes for the help's subject (the first that is no help flag nor `help`) is a CronJob name. */
  private meansNow(argv: readonly string[]): boolean {
    const helpWords = new Set(['help', '--help', ...(this.config.pjson.oclif.additionalHelpFlags ?? [])])
    const subject = argv.find((word) => !helpWords.has(word))
    return subject !== undefined && !subject.startsWith('-') && !this.config.findCommand(subject) && !this.config.findTopic(subject)
  }
}
