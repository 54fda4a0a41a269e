import type {CommandRow} from '../commands/command-rows.js'
import {READS_PER_PLUGIN} from '../commands/reads-per-plugin.js'

export interface TlsCase {
  name: string
  row: CommandRow
  /** Trust another sandbox's CA; otherwise only the system's CAs. */
  wrongCa: boolean
}

/** Every plugin with a wrong CA; the system CAs alone once (the same code path). */
export const TLS_CASES: readonly TlsCase[] = [
  ...READS_PER_PLUGIN.map((row) => ({name: `${row.name}, trusting another sandbox's CA`, row, wrongCa: true})),
  ...READS_PER_PLUGIN.slice(0, 1).map((row) => ({name: `${row.name}, trusting the system CAs only`, row, wrongCa: false})),
]

/** Each case runs twice: refused, then with --insecure-skip-tls-verify. */
export const TLS_RUNS_PER_CASE = 2
