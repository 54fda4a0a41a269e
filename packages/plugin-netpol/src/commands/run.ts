import {Args, Flags} from '@oclif/core'
import {ExitCode, KubeCommand, UsageError} from '@kubeline/core'
import {reportPassed} from '../domain/netpol-test-report.js'
import {clusterSource, clusterSourceFlags, evaluationFlags, evaluationOptions} from '../netpol-flags.js'
import {probeFlags, proberFromFlags} from '../probe-flags.js'
import {addressOfPodsWarning} from '../render/address-of-pods-warning.js'
import {addresslessPeerWarning} from '../render/addressless-peer-warning.js'
import {junitReport} from '../render/junit-report.js'
import {tapReport} from '../render/tap-report.js'
import {testReportView} from '../render/test-report-view.js'
import {readTestSuites, runTestSuites} from '../services/run-test-suites.js'

/** junit and tap are written here; the others go through print(). */
const OUTPUTS = ['table', 'json', 'yaml', 'junit', 'tap'] as const

export default class Run extends KubeCommand {
  static override summary = 'Check an expectation suite (NetpolTestSuite): every case allowed or denied as expected? Reports for CI.'
  static override description = `Reads a kubeline.dev/v1alpha1 NetpolTestSuite (a file, a directory of them, or - for stdin) and checks each case statically against the cluster, as check does: from, to (ns/pod, ns/deployment/name, ip:ADDRESS), port, protocol (default TCP) and expect (allow or deny). The suite is validated strictly: an unknown field, a missing one or a bad value exits 2 naming the file, the case and the field. A case whose pod or workload does not exist is reported as an error. Exit 0 when every case passes, 3 otherwise. -o junit and -o tap are for CI test reports. --probe also connects for real from each case's source pod (see probe --help for --via and the probe flags); a case then passes only when the policies and the network both do as it expects, and the reports show the live answer.`

  static override examples = [
    '<%= config.bin %> run netpol-tests.yaml',
    '<%= config.bin %> run tests/netpol/ -o junit > netpol-junit.xml',
    '<%= config.bin %> run --offline -f manifests/ netpol-tests.yaml -o tap',
    '<%= config.bin %> run - -f new-policy.yaml < netpol-tests.yaml   # would the suite still pass if I applied it?',
    '<%= config.bin %> run netpol-tests.yaml --probe -o junit > netpol-junit.xml   # and does the network agree?',
  ]

  static override args = {
    // ignoreStdin: oclif would otherwise take piped text as the missing argument; `-` reads stdin.
    suite: Args.string({description: 'The NetpolTestSuite: a file, a directory of suites, or - for stdin.', required: true, ignoreStdin: true}),
  }

  static override flags = {
    ...clusterSourceFlags,
    // One value per -f, as kubectl: `run -f policy.yaml suite.yaml` leaves the suite to the argument.
    filename: Flags.string({char: 'f', multiple: true, multipleNonGreedy: true, description: clusterSourceFlags.filename.description}),
    ...evaluationFlags,
    probe: Flags.boolean({description: 'Also probe each case live (see probe): a case passes only when the policies and the network both do as it expects.'}),
    ...probeFlags,
    output: Flags.string({char: 'o', description: 'Output format: json|yaml|junit|tap.', options: [...OUTPUTS], default: 'table'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Run)
    if (args.suite === '-' && flags.filename?.includes('-')) throw new UsageError('INVALID_ARGUMENT', 'stdin ("-") can be read only once: pass the suite or -f as -, not both')
    const suites = await readTestSuites(args.suite)
    const makeProber = flags.probe ? proberFromFlags(flags) : undefined
    const {report, addressesOfPods, addresslessPeers} = await runTestSuites(clusterSource(flags, () => this.kube(flags)), suites, evaluationOptions(flags), makeProber)
    if (flags.output === 'junit') this.out.result(junitReport(report))
    else if (flags.output === 'tap') this.out.result(tapReport(report))
    else this.print(testReportView(report), flags.output, OUTPUTS)
    for (const address of addressesOfPods) this.out.warn(addressOfPodsWarning(address))
    for (const {peer, testCase, suite} of addresslessPeers) this.out.warn(addresslessPeerWarning(peer, `case "${testCase}" of suite ${suite}`))
    if (!reportPassed(report)) this.exit(ExitCode.verdictNo)
  }
}
