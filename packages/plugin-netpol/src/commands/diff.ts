import {Flags} from '@oclif/core'
import {ExitCode, KubeCommand, allNamespacesFlag, parseLabelSelector, selectorFlag} from '@kubeline/core'
import {parseAcknowledgement} from '../domain/diff-acknowledgement.js'
import {parsePortSelection, parseProtocolList} from '../domain/port-list.js'
import {evaluationFlags, evaluationOptions} from '../netpol-flags.js'
import {diffView} from '../render/diff-view.js'
import {uncomparedPodsWarning} from '../render/uncompared-pods-warning.js'
import {diffConnectivity} from '../services/diff-connectivity.js'
import {GROUP_BYS} from '../services/pod-groups.js'

const OUTPUTS = ['table', 'json', 'yaml', 'markdown'] as const

export default class Diff extends KubeCommand {
  static override summary = 'Which connections change their verdict if these policies are applied? Exit 3 on unacknowledged new denials.'
  static override description = `Compares the current state (the live cluster, --base manifests, or both) with the same state plus the -f policies applied as kubectl apply would (same kind, namespace and name replaces, the rest is added), and lists the connections that become denied or allowed, grouped by workload. Pods, namespaces and workloads in -f count on both sides: only the policies make the difference. -n and -l keep the connections from or to the pods they select. Exit 3 when a newly denied connection is not acknowledged with --ack FROM->TO[:PORT[/PROTOCOL]] or an --ack-file (one per line, # comments).`

  static override examples = [
    '<%= config.bin %> diff -f deny-all.yaml -n shop --port 80,5432',
    '<%= config.bin %> diff -f policies/ --port 8080 --ack "shop/deployment/legacy->shop/*:8080"',
    '<%= config.bin %> diff -f deny-all.yaml -n shop --port declared --protocol TCP,UDP',
    '<%= config.bin %> diff --offline --base main/manifests/ -f pr/manifests/ --port 80,443 -o markdown > comment.md',
    '<%= config.bin %> diff -f policies/ --ack-file netpol-acks.txt -o json | jq \'.changes[] | select(.blocking)\'',
  ]

  static override flags = {
    ...evaluationFlags,
    ...allNamespacesFlag,
    ...selectorFlag,
    filename: Flags.string({char: 'f', multiple: true, required: true, description: 'The proposed manifests (file, directory or - for stdin): policies, and any namespaces, pods and workloads they need.'}),
    base: Flags.string({multiple: true, description: 'Manifests of the current state, on top of the live cluster (or instead of it with --offline).'}),
    offline: Flags.boolean({description: 'Never contact a cluster: the current state is --base only.'}),
    port: Flags.string({description: 'Destination ports, comma-separated; "declared": the containerPorts each destination pod declares (with declared,9090 also 9090 towards every pod).', default: '80'}),
    protocol: Flags.string({description: 'Protocols, comma-separated: TCP, UDP, SCTP.', default: 'TCP'}),
    'group-by': Flags.string({description: 'Rows: pod, workload (Deployment, StatefulSet, ...) or class (pods that behave the same before and after).', options: [...GROUP_BYS], default: 'workload'}),
    ack: Flags.string({multiple: true, description: 'Accept a newly denied connection: FROM->TO[:PORT[/PROTOCOL]], names as printed, * matches any text.'}),
    'ack-file': Flags.string({multiple: true, description: 'A file of acknowledgements, one per line; # starts a comment.'}),
    output: Flags.string({char: 'o', description: 'Output format: json|yaml|markdown.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(Diff)
    const namespace = flags['all-namespaces'] ? undefined : flags.namespace
    const query = {
      proposedFiles: flags.filename,
      ports: parsePortSelection(flags.port),
      protocols: parseProtocolList(flags.protocol),
      options: evaluationOptions(flags),
      groupBy: GROUP_BYS.find((groupBy) => groupBy === flags['group-by']) ?? 'workload',
      acks: (flags.ack ?? []).map((text) => parseAcknowledgement(text, '--ack')),
      ackFiles: flags['ack-file'] ?? [],
      ...(namespace === undefined ? {} : {namespace}),
      ...(flags.selector === undefined ? {} : {selector: parseLabelSelector(flags.selector)}),
    }
    const source = {files: flags.base ?? [], offline: flags.offline, connect: () => this.kube(flags), ...(flags.namespace === undefined ? {} : {namespace: flags.namespace})}
    const report = await diffConnectivity(source, query)
    this.print(diffView(report), flags.output, OUTPUTS)
    for (const ack of report.unmatchedAcks) this.out.warn(`acknowledgement "${ack}" matches no newly denied connection`)
    if (report.uncompared.length > 0) this.out.warn(uncomparedPodsWarning(report.uncompared, query.protocols))
    if (report.scopeSelectsNoPod) this.out.warn('-n and -l select no pod: no connection was compared')
    if (report.changes.some((change) => change.blocking)) this.exit(ExitCode.verdictNo)
  }
}
