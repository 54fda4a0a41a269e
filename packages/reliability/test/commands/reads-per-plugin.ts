import {COMMAND_ROWS} from './command-rows.js'
import type {CommandRow} from './command-rows.js'

/** One read command per plugin, for checks that are about the connection rather than the command. */
export const READS_PER_PLUGIN: readonly CommandRow[] = ['quota-report', 'netpol-test matrix', 'rollout-canary list', 'cron-trigger list'].map((name) => {
  const row = COMMAND_ROWS.find((candidate) => candidate.name === name)
  if (!row) throw new Error(`no command row named "${name}"`)
  return row
})
