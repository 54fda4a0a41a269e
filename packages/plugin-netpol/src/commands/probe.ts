import {Args, Flags} from '@oclif/core'
import {ExitCode, KubeCommand, selectorFlag} from '@kubeline/core'
import {clusterSource, evaluationFlags, evaluationOptions, podTrafficScope} from '../netpol-flags.js'
import {probeFlags, proberFromFlags} from '../probe-flags.js'
import {probeView} from '../render/probe-view.js'
import {probeMatrix} from '../services/probe-connectivity.js'
import {probeTestSuites, readTestSuites} from '../services/run-test-suites.js'

const OUTPUTS = ['table', 'json', 'yaml'] as const

export default class Probe extends KubeCommand {
  static override summary = 'Connect for real from pod to pod and compare what the network does with what the policies say.'
  static override description = `Probes live connectivity from inside running pods and compares each answer with the static verdict of the policies: for every case of a NetpolTestSuite, or without a suite for every pair of running pods that -n and -l select, on each --port and --protocol (--port declared: towards each pod, the ports its containers declare). A probe runs /agnhost connect (the client of the upstream conformance tests) either in an ephemeral container added to the source pod (--via ephemeral, the default: needs patch on pods/ephemeralcontainers; each run leaves one terminated ephemeral container per source pod, as kubectl debug does) or by exec in the pod's own container (--via exec: the image must have agnhost). A connection whose answer disagrees with the policies, or that could not be probed, is probed once more; what is left is reported. Exit 0 when the network agrees everywhere, 3 on a mismatch (for example a network plugin that does not enforce NetworkPolicy), 1 when some probe could not run.`

  static override examples = [
    '<%= config.bin %> probe -n shop --port 80,8080',
    '<%= config.bin %> probe -n shop --port declared --protocol TCP,UDP',
    '<%= config.bin %> probe netpol-tests.yaml -o json',
    '<%= config.bin %> probe -n shop -l app=web --via exec -c web --port 8080',
    '<%= config.bin %> probe netpol-tests.yaml --probe-image registry.example.com/mirror/agnhost:2.53 --probe-timeout 3s',
  ]

  static override args = {
    // ignoreStdin: oclif would otherwise take piped text as the missing argument; `-` reads stdin.
    suite: Args.string({description: 'A NetpolTestSuite to probe (a file, a directory of suites, or -); without it, every pair of pods.', ignoreStdin: true}),
  }

  static override flags = {
    // Not --loopback: a pod's traffic to itself is never probed.
    'ipblock-matches-pods': evaluationFlags['ipblock-matches-pods'],
    'named-ports': evaluationFlags['named-ports'],
    ...selectorFlag,
    ...probeFlags,
    port: Flags.string({
      description: 'Without a suite: destination ports, comma-separated; "declared": the containerPorts each destination pod declares (with declared,9090 also 9090 towards every pod).',
      default: '80',
    }),
    protocol: Flags.string({description: 'Without a suite: protocols, comma-separated: TCP, UDP, SCTP.', default: 'TCP'}),
    output: Flags.string({char: 'o', description: 'Output format: json|yaml.', options: [...OUTPUTS], default: 'table'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Probe)
    const makeProber = proberFromFlags(flags)
    const source = clusterSource({...flags, offline: false}, () => this.kube(flags))
    const options = evaluationOptions({...flags, loopback: 'allow'})
    const results =
      args.suite === undefined
        ? await probeMatrix(source, {...podTrafficScope(flags), options}, makeProber)
        : await probeTestSuites(source, await readTestSuites(args.suite), options, makeProber)
    this.print(probeView(flags.via === 'exec' ? 'exec' : 'ephemeral', results), flags.output, OUTPUTS)
    if (results.length === 0) this.out.warn('nothing was probed: no connection between two running pods that -n and -l select, on the ports asked')
    if (results.some((result) => result.status === 'mismatch')) this.exit(ExitCode.verdictNo)
    if (results.some((result) => result.status === 'error')) this.exit(ExitCode.failure)
  }
}
