import {FLAG_INPUTS} from './bad-input/flag-inputs.js'
import {MANIFEST_INPUTS, POLICY_INPUTS, WORKLOAD_INPUTS} from './bad-input/manifest-inputs.js'
import {MANIFEST_READERS, manifestCases} from './bad-input/manifest-readers.js'
import {COMMAND_ROWS} from './commands/command-rows.js'
import {FAULT_SCENARIOS, faultCaseNames, faultCases} from './faults/fault-scenarios.js'
import {AUTH_KIND_CASES} from './secrets/auth-kind-cases.js'
import {canarySecrets, leakPatterns} from './secrets/canary-kubeconfig.js'
import {TLS_CASES, TLS_RUNS_PER_CASE} from './secrets/tls-cases.js'
import {KNOWN_BUGS} from './support/known-bugs.js'

/** One figure of docs/reliability.md, written there as a table row `| label | count |`. */
export interface SuiteCount {
  label: string
  count: number
}

/** Runs per command row in secrets.test.ts: allowed --debug, 403, 401 --debug. */
const SECRET_RUNS_PER_ROW = 3

const known = (names: string[]) => names.filter((name) => KNOWN_BUGS.has(name)).length

/** The figures, computed from the same tables the tests run over. */
export function suiteCounts(): SuiteCount[] {
  const faults = faultCaseNames(faultCases(COMMAND_ROWS))
  const survivable = faults.filter(({scenario}) => scenario.outcome.survives)
  const invariantCases = faults.filter(({row, scenario}) => row.invariant !== undefined && scenario.hitsWrites)
  const manifests = manifestCases(MANIFEST_READERS)
  const manifestBugs = known(manifests.map(({name}) => name))
  return [
    {label: 'commands that talk to the API', count: COMMAND_ROWS.length},
    {label: 'kinds of fault injected', count: FAULT_SCENARIOS.length},
    {label: 'fault scenarios (command × fault)', count: faults.length},
    {label: 'fault scenarios survived (same exit code as without the fault)', count: survivable.length - known(survivable.map(({name}) => name))},
    {label: 'fault scenarios failed safely (exit 1, a clear message)', count: faults.length - survivable.length - known(faults.filter(({scenario}) => !scenario.outcome.survives).map(({name}) => name))},
    {label: 'fault scenarios failing today (known bugs)', count: known(faults.map(({name}) => name))},
    {label: 'write invariants checked after a faulted write', count: invariantCases.length},
    {label: 'hostile or malformed manifest inputs', count: MANIFEST_INPUTS.length + POLICY_INPUTS.length + WORKLOAD_INPUTS.length},
    {label: 'commands that read manifests', count: MANIFEST_READERS.length},
    {label: 'bad manifests refused (command × input)', count: manifests.length - manifestBugs},
    {label: 'bad manifests accepted today (known bugs)', count: manifestBugs},
    {label: 'bad flags and arguments refused', count: FLAG_INPUTS.length - known(FLAG_INPUTS.map(({name}) => name))},
    {label: 'canary secrets grepped for', count: leakPatterns(canarySecrets()).length},
    {label: 'runs checked for leaked secrets', count: COMMAND_ROWS.length * SECRET_RUNS_PER_ROW + AUTH_KIND_CASES.length},
    {label: 'TLS runs (verification refused, then skipped with a warning)', count: TLS_CASES.length * TLS_RUNS_PER_CASE},
  ]
}

/** Every name a test case can have, to catch KNOWN_BUGS entries that no longer name a case. */
export function allCaseNames(): Set<string> {
  return new Set([...faultCaseNames(faultCases(COMMAND_ROWS)).map(({name}) => name), ...manifestCases(MANIFEST_READERS).map(({name}) => name), ...FLAG_INPUTS.map(({name}) => name)])
}
