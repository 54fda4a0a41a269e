import {Flags} from '@oclif/core'
import {KubeCommand, UsageError, parseLabelSelector, selectorFlag} from '@kubeline/core'
import {parseProtocol, validatePortNumber} from '../domain/protocol.js'
import {clusterSource, clusterSourceFlags, evaluationFlags, evaluationOptions} from '../netpol-flags.js'
import {matrixView} from '../render/matrix-view.js'
import {connectivityMatrices} from '../services/connectivity-matrices.js'
import {GROUP_BYS} from '../services/pod-groups.js'

const OUTPUTS = ['table', 'json', 'yaml', 'markdown'] as const

export default class Matrix extends KubeCommand {
  static override summary = 'The truth table of who may reach whom: rows are sources, columns destinations, . allowed, X denied.'
  static override description = `One table per port and protocol, as the upstream conformance tests print them. Policies of every
namespace count; -n and -l only narrow the pods shown. -o json prints the ConnectivityMatrix document.`

  static override examples = [
    '<%= config.bin %> matrix -n shop --port 80,443',
    '<%= config.bin %> matrix --offline -f manifests/ --port 80,81 --protocol TCP,UDP,SCTP -o json',
  ]

  static override flags = {
    ...clusterSourceFlags,
    ...evaluationFlags,
    ...selectorFlag,
    port: Flags.string({description: 'Destination ports, comma-separated.', default: '80'}),
    protocol: Flags.string({description: 'Protocols, comma-separated: TCP, UDP, SCTP.', default: 'TCP'}),
    'group-by': Flags.string({
      description: 'Rows and columns: pod, workload (Deployment, StatefulSet, ...) or class (pods that behave the same). Human forms only; JSON stays per pod.',
      options: [...GROUP_BYS],
      default: 'pod',
    }),
    output: Flags.string({char: 'o', description: 'Output format: json|yaml|markdown.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Matrix)
    const query = {
      ports: commaList(flags.port).map((port) => validatePortNumber(portNumber(port), '--port')),
      protocols: commaList(flags.protocol).map(parseProtocol),
      options: evaluationOptions(flags),
      groupBy: GROUP_BYS.find((groupBy) => groupBy === flags['group-by']) ?? 'pod',
      ...(flags.namespace === undefined ? {} : {namespace: flags.namespace}),
      ...(flags.selector === undefined ? {} : {selector: parseLabelSelector(flags.selector)}),
    }
    const report = await connectivityMatrices(clusterSource(flags, () => this.kube(flags)), query)
    this.print(matrixView(report), flags.output, OUTPUTS)
  }
}

function commaList(text: string): string[] {
  return text.split(',').map((item) => item.trim())
}

function portNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError('INVALID_FLAG', `invalid --port "${text}": must be an integer between 1 and 65535`)
  return Number(text)
}
