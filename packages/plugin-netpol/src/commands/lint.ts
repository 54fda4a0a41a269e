import {Flags} from '@oclif/core'
import {ExitCode, KubeCommand, allNamespacesFlag} from '@kubeline/core'
import {SEVERITIES, isAtLeast} from '../domain/lint-finding.js'
import {clusterSource, clusterSourceFlags, evaluationFlags, namedPortSource} from '../netpol-flags.js'
import type {FailOn} from '../render/lint-view.js'
import {lintView} from '../render/lint-view.js'
import {lintPolicies} from '../services/lint-policies.js'

const OUTPUTS = ['table', 'wide', 'json', 'yaml'] as const
const FAIL_ON: readonly FailOn[] = [...SEVERITIES, 'none']

export default class Lint extends KubeCommand {
  static override summary = 'Find policy mistakes: selectors that match nothing, unresolvable named ports, namespaces without default deny.'
  static override description = `Checks the NetworkPolicies of the namespace (all namespaces with -A) and every admin policy, and the namespace's pods. Each finding has a severity (error, warning, info) and a stable code; the codes are listed in docs/netpol-test.md.

Exit 3 when a finding is at or above --fail-on (default error); --fail-on none never fails.`

  static override examples = [
    '<%= config.bin %> lint -n shop',
    '<%= config.bin %> lint -A --fail-on warning -o json   # in CI',
    '<%= config.bin %> lint --offline -f manifests/ -n shop --fail-on none',
  ]

  static override flags = {
    ...clusterSourceFlags,
    ...allNamespacesFlag,
    'ipblock-matches-pods': evaluationFlags['ipblock-matches-pods'],
    'named-ports': evaluationFlags['named-ports'],
    'fail-on': Flags.string({description: 'Exit 3 when a finding is at or above this severity; none never fails.', options: [...FAIL_ON], default: 'error'}),
    output: Flags.string({char: 'o', description: 'Output format: wide|json|yaml.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Lint)
    const failOn = FAIL_ON.find((level) => level === flags['fail-on']) ?? 'error'
    const options = {ipBlockMatchesPods: flags['ipblock-matches-pods'], namedPorts: namedPortSource(flags['named-ports'])}
    const query = {allNamespaces: flags['all-namespaces'], options}
    const findings = await lintPolicies(clusterSource(flags, () => this.kube(flags)), query)
    const failed = failOn !== 'none' && findings.some((finding) => isAtLeast(finding.severity, failOn))
    if (findings.length === 0) this.out.info('No findings.')
    this.print(lintView(findings, failOn, failed), flags.output, OUTPUTS)
    if (failed) this.exit(ExitCode.verdictNo)
  }
}
