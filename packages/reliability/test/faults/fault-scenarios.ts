import type {FaultRule} from '@kubeline/sandbox'
import type {CommandRow} from '../commands/command-rows.js'

/** What a run under the fault must end with. */
export type FaultOutcome =
  /** The same exit code as without the fault: the fault was survived. */
  | {survives: true}
  /** Exit 1 and a message matching `stderr`: the tool could not do its job and says why. */
  | {survives: false; stderr: RegExp; /** Not even a write request reached the server. */ nothingWritten?: boolean}

/** One kind of API trouble, injected after the row's setup and before its run. */
export interface FaultScenario {
  name: string
  appliesTo(row: CommandRow): boolean
  rules(row: CommandRow): FaultRule[]
  /** Flags added to the command line. */
  extraArgs?: string[]
  outcome: FaultOutcome
  /** Hits writes, so the row's write invariant is checked afterwards. */
  hitsWrites: boolean
}

const READS = ['get', 'list'] as const
const WRITES = ['create', 'patch', 'update'] as const

/** Five attempts per request (core's retry policy): two failures fit in the retry budget. */
const BURST = 2

export const FAULT_SCENARIOS: readonly FaultScenario[] = [
  {
    name: '5xx burst on reads, shorter than the retry budget',
    appliesTo: () => true,
    rules: () => [
      {match: {verb: 'get'}, effect: {kind: 'error', status: 503}, times: BURST},
      {match: {verb: 'list'}, effect: {kind: 'error', status: 500}, times: BURST},
    ],
    outcome: {survives: true},
    hitsWrites: false,
  },
  {
    name: '429 with Retry-After on any verb',
    appliesTo: () => true,
    rules: () => [{effect: {kind: 'throttle', retryAfterSeconds: 1}, times: BURST}],
    outcome: {survives: true},
    hitsWrites: true,
  },
  {
    name: 'responses slower than --request-timeout',
    appliesTo: () => true,
    // Generous margins: on a loaded machine a request can take a second to reach the sandbox,
    // and a timeout that fires before the fault is hit would prove nothing.
    rules: () => [{effect: {kind: 'delay', ms: 10_000}}],
    extraArgs: ['--request-timeout', '3s'],
    outcome: {survives: false, stderr: /^error: the server at https:\/\/127\.0\.0\.1:\d+ did not answer .+ within 3s$/m, nothingWritten: true},
    hitsWrites: false,
  },
  {
    name: 'dropped connections on reads',
    appliesTo: () => true,
    rules: () => READS.map((verb) => ({match: {verb}, effect: {kind: 'drop'}, times: BURST})),
    outcome: {survives: true},
    hitsWrites: false,
  },
  {
    name: 'dropped connection on the first write',
    appliesTo: (row) => row.writes !== false,
    rules: () => WRITES.map((verb) => ({match: {verb}, effect: {kind: 'drop'}, times: 1})),
    outcome: {survives: false, stderr: /^error: unable to connect to the server at https:\/\/127\.0\.0\.1:\d+: connection reset by the server$/m},
    hitsWrites: true,
  },
  {
    name: 'answer to the first write lost (the write was applied)',
    appliesTo: (row) => row.writes !== false,
    rules: () => WRITES.map((verb) => ({match: {verb}, effect: {kind: 'loseResponse'}, times: 1})),
    outcome: {survives: false, stderr: /^error: unable to connect to the server at https:\/\/127\.0\.0\.1:\d+: connection reset by the server$/m},
    hitsWrites: true,
  },
  {
    name: 'watch stream ended mid-wait',
    appliesTo: (row) => row.watches !== undefined,
    rules: (row) => [{match: {verb: 'watch', resource: row.watches}, effect: {kind: 'closeWatch', afterEvents: 1}, times: BURST}],
    outcome: {survives: true},
    hitsWrites: false,
  },
  {
    name: 'watch connection destroyed mid-wait',
    appliesTo: (row) => row.watches !== undefined,
    rules: (row) => [{match: {verb: 'watch', resource: row.watches}, effect: {kind: 'closeWatch', afterEvents: 1, abrupt: true}, times: BURST}],
    outcome: {survives: true},
    hitsWrites: false,
  },
  {
    name: '409 conflict on updates and patches',
    appliesTo: (row) => row.writes === 'updates',
    rules: () => [{effect: {kind: 'conflict'}, times: 1}],
    outcome: {survives: true},
    hitsWrites: true,
  },
]

/** Every (row, scenario) pair that runs: the count docs/reliability.md reports. */
export function faultCases(rows: readonly CommandRow[]): {row: CommandRow; scenario: FaultScenario}[] {
  return FAULT_SCENARIOS.flatMap((scenario) => rows.filter((row) => scenario.appliesTo(row)).map((row) => ({row, scenario})))
}

/** The cases with the names tests and KNOWN_BUGS use: "<command>: <scenario>". */
export function faultCaseNames(cases: {row: CommandRow; scenario: FaultScenario}[]): {name: string; row: CommandRow; scenario: FaultScenario}[] {
  return cases.map(({row, scenario}) => ({name: `${row.name}: ${scenario.name}`, row, scenario}))
}
