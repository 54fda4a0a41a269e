import {Args, Flags} from '@oclif/core'
import {KubeCommand, allNamespacesFlag} from '@kubeline/core'
import {clusterSource, clusterSourceFlags, evaluationFlags, namedPortSource} from '../netpol-flags.js'
import {explanationView} from '../render/explanation-view.js'
import {explainPolicies} from '../services/explain-policies.js'
import {parsePolicyName} from '../services/policy-name.js'

const OUTPUTS = ['table', 'json', 'yaml'] as const

export default class Explain extends KubeCommand {
  static override summary = 'Each policy in plain words: the pods it selects, the directions it isolates, who may reach them on which ports.'
  static override description = `For every NetworkPolicy of the namespace (all namespaces with -A) and every AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy: the pods it selects (count and names), whether it isolates ingress and egress (and why: policyTypes as written, or as the API server defaults it), and per rule the peers (with the pods they match) and ports (named ports resolved on the destination pods).

POLICY is a name, or KIND/NAME (netpol, anp, banp, cnp). -o json prints the PolicyExplanation document.`

  static override examples = [
    '<%= config.bin %> explain -n shop',
    '<%= config.bin %> explain default-deny -n shop -o yaml',
    '<%= config.bin %> explain anp/cluster-guard',
    '<%= config.bin %> explain --offline -f manifests/ -A   # before anything is applied',
  ]

  static override args = {policy: Args.string({description: 'One policy: NAME or KIND/NAME (netpol/NAME, anp/NAME, banp/NAME, cnp/NAME).', ignoreStdin: true})}

  static override flags = {
    ...clusterSourceFlags,
    ...allNamespacesFlag,
    'ipblock-matches-pods': evaluationFlags['ipblock-matches-pods'],
    'named-ports': evaluationFlags['named-ports'],
    output: Flags.string({char: 'o', description: 'Output format: json|yaml.', default: 'table'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Explain)
    const query = {
      ...(args.policy === undefined ? {} : {policy: parsePolicyName(args.policy)}),
      allNamespaces: flags['all-namespaces'],
      namespaceGiven: flags.namespace !== undefined,
      options: {ipBlockMatchesPods: flags['ipblock-matches-pods'], namedPorts: namedPortSource(flags['named-ports'])},
    }
    const explanations = await explainPolicies(clusterSource(flags, () => this.kube(flags)), query)
    if (explanations.length === 0) this.out.info('No policies found.')
    this.print(explanationView(explanations), flags.output, OUTPUTS)
  }
}
