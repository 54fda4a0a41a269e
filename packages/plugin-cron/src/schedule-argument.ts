import {UsageError} from '@kubeline/core'

/**
 * The shell splits an unquoted schedule into words and expands each `*` into file names
 * (`validate 0 2 * * 1`); commands take the extra words so that this slip gets its own message.
 */
export function refuseSplitSchedule(words: readonly string[], quotedExample: string): void {
  if (words.length > 1) {
    throw new UsageError('INVALID_ARGUMENT', `the schedule must be one argument, got ${words.length}: ${words.join(' ')}`, {fix: `Quote it: ${quotedExample}`})
  }
}
