import type {CommandRow} from '../commands/command-rows.js'
import {READS_PER_PLUGIN} from '../commands/reads-per-plugin.js'
import {CANARY_CONTEXTS} from './canary-kubeconfig.js'

/** Kinds of kubeconfig user that tokens alone do not cover, each tried on one read command per plugin. */

const AUTH_KINDS: {context: string; codes: number[]}[] = [
  {context: CANARY_CONTEXTS.basic, codes: [1]},
  {context: CANARY_CONTEXTS.exec, codes: [0]},
  // An unusable OIDC token fails somewhere between the kubeconfig and the server.
  {context: CANARY_CONTEXTS.authProvider, codes: [1, 2]},
  {context: CANARY_CONTEXTS.clientKey, codes: [1, 2]},
]

export interface AuthKindCase {
  name: string
  row: CommandRow
  context: string
  debug: boolean
  codes: number[]
}

/** With --debug, which prints the most (every request, the error's cause and stack). */
export const AUTH_KIND_CASES: readonly AuthKindCase[] = READS_PER_PLUGIN.flatMap((row) =>
  AUTH_KINDS.map(({context, codes}) => ({name: `${row.name} as ${context} --debug`, row, context, debug: true, codes})),
)
