import {Flags} from '@oclif/core'
import {KubeCommand, allNamespacesFlag, selectorFlag} from '@kubeline/core'
import {clusterSource, clusterSourceFlags, evaluationFlags, evaluationOptions, podTrafficScope} from '../netpol-flags.js'
import {GRAPH_FORMATS, renderConnectionGraph} from '../render/connection-graph-text.js'
import {matrixView} from '../render/matrix-view.js'
import {uncomparedPodsWarning} from '../render/uncompared-pods-warning.js'
import {connectionGraph} from '../services/connection-graph.js'
import {connectivityMatrices} from '../services/connectivity-matrices.js'
import {GROUP_BYS} from '../services/pod-groups.js'

const OUTPUTS = ['table', 'json', 'yaml', 'markdown'] as const

export default class Matrix extends KubeCommand {
  static override summary = 'The truth table of who may reach whom: rows are sources, columns destinations, . allowed, X denied.'
  static override description = `One table per port and protocol, as the upstream conformance tests print them. Policies of every namespace count; -n and -l only narrow the pods shown (-A: every namespace, even with -n). -o json prints the ConnectivityMatrix document. -o dot (Graphviz) and -o mermaid (a flowchart for pull requests) draw the allowed connections between workloads (or the --group-by groups), namespaces as clusters, edges labelled with their ports. --port declared compares each destination pod only on the ports its containers declare: _ (JSON null) marks a cell not compared.`

  static override examples = [
    '<%= config.bin %> matrix -n shop --port 80,443',
    '<%= config.bin %> matrix --offline -f manifests/ --port 80,81 --protocol TCP,UDP,SCTP -o json',
    '<%= config.bin %> matrix -n shop --port declared --group-by workload   # each pod on the ports it declares',
    '<%= config.bin %> matrix -n shop --port 80,443 -o dot | dot -Tsvg > shop.svg',
    '<%= config.bin %> matrix -n shop -o mermaid   # paste into a pull request',
  ]

  static override flags = {
    ...clusterSourceFlags,
    ...evaluationFlags,
    ...allNamespacesFlag,
    ...selectorFlag,
    port: Flags.string({description: 'Destination ports, comma-separated; "declared": the containerPorts each destination pod declares (with declared,9090 also 9090 towards every pod).', default: '80'}),
    protocol: Flags.string({description: 'Protocols, comma-separated: TCP, UDP, SCTP.', default: 'TCP'}),
    'group-by': Flags.string({
      description:
        'Rows and columns (graph nodes): pod, workload (Deployment, StatefulSet, ...) or class (pods that behave the same). Default: pod for tables, workload for dot/mermaid. JSON stays per pod.',
      options: [...GROUP_BYS],
    }),
    output: Flags.string({char: 'o', description: 'Output format: json|yaml|markdown|dot|mermaid.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Matrix)
    const graphFormat = GRAPH_FORMATS.find((format) => format === flags.output)
    const namespace = flags['all-namespaces'] ? undefined : flags.namespace
    const query = {
      ...podTrafficScope({...flags, namespace}),
      options: evaluationOptions(flags),
      groupBy: GROUP_BYS.find((groupBy) => groupBy === flags['group-by']) ?? (graphFormat === undefined ? 'pod' : 'workload'),
    }
    const report = await connectivityMatrices(clusterSource(flags, () => this.kube(flags)), query)
    if (graphFormat !== undefined) this.out.result(renderConnectionGraph(connectionGraph(report), graphFormat))
    else this.print(matrixView(report), flags.output, [...OUTPUTS, ...GRAPH_FORMATS])
    if (report.uncompared.length > 0) this.out.warn(uncomparedPodsWarning(report.uncompared, query.protocols))
    const narrowed = namespace !== undefined || flags.selector !== undefined
    if (narrowed && report.results.every((result) => result.pods.length === 0)) this.out.warn('-n and -l select no pod: the tables are empty')
  }
}
