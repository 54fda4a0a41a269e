import {Flags} from '@oclif/core'
import {ExitCode, KubeCommand, allNamespacesFlag, completionFlag, noHeadersFlag} from '@kubeline/core'
import {runQuotaReport} from '../services/run-quota-report.js'

export default class QuotaReport extends KubeCommand {
  static override summary = 'Show how close each namespace is to its ResourceQuotas, with its LimitRanges.'
  static override description = `For each ResourceQuota: every resource with used, hard (in one unit), the exact percentage and a status (OK, WARN at --warn, FULL at 100%, UNKNOWN when no evaluator reports the key). Then the LimitRanges, the pods whose next replica a quota would reject for a missing request or limit, drift between status.used and what the objects charge, and (across namespaces) the namespaces with no quota or LimitRange. Exit 3 when any resource is at or over --fail-at: a CI gate.

Fleet view: --context a --context b, or --all-contexts, reads several clusters in parallel into one report with a CONTEXT column. A cluster that cannot be read is listed (and named on stderr) beside the others' results, and the exit code is 1: an incomplete report cannot pass a gate.

Plan mode (-f): would these manifests fit? Per quota key: used, what the manifests add (upgrades replace the live objects, rolling updates counted at their peak), after, hard and a verdict; then the objects the API server would refuse (LimitRange violations, a quota's "must specify", invalid requests, a RuntimeClass that does not exist) and its "exceeded quota" messages; a RuntimeClass's pod overhead is charged. Exit 3 if anything would be rejected. ResourceQuotas, LimitRanges and RuntimeClasses among the manifests apply to the others; --offline takes them from the manifests alone and needs no cluster.`

  // Stated, not generated: oclif's DocOpts renders -l's and --offline's groups empty ("[-l <value> | ]")
  // because -f is in several of them (reliability's usage test).
  static override usage = [
    '[-n <value> | -A] [-l <value>] [--context <value>... | --all-contexts] [-o table|wide|json|yaml|markdown] [flags]',
    '-f <value>... [-n <value>] [--context <value>] [--offline] [--nodes <value>] [-o table|json|yaml|markdown] [flags]',
  ]

  static override examples = [
    {description: 'One namespace (works with list rights in that namespace only)', command: '<%= config.bin %> -n payments'},
    {description: 'All namespaces, failing a CI job at 90%', command: '<%= config.bin %> -A --fail-at 90'},
    {description: 'The three biggest consumers of each quota, labelled namespaces only', command: '<%= config.bin %> -l team --top 3'},
    {description: 'What is nearly full, for a script', command: "<%= config.bin %> -A -o json | jq -r '.namespaces[].quotas[].lines[] | select(.status != \"ok\") | .resource'"},
    {description: 'A pull-request comment', command: '<%= config.bin %> -n payments -o markdown'},
    {description: 'One report across two clusters', command: '<%= config.bin %> --context prod-eu --context prod-us -n payments'},
    {description: 'Every cluster of the kubeconfig, as JSON', command: '<%= config.bin %> --all-contexts -A -o json'},
    {description: 'Would a chart upgrade fit the quotas of its namespace?', command: 'helm template web ./chart | <%= config.bin %> -n payments -f -'},
    {description: 'Check rendered manifests in CI without a cluster', command: '<%= config.bin %> -f quota.yaml -f deploy/ --offline -o markdown'},
  ]

  static override flags = {
    'all-namespaces': Flags.boolean({char: 'A', description: allNamespacesFlag['all-namespaces'].description, exclusive: ['filename']}),
    selector: Flags.string({
      char: 'l',
      description: "Only namespaces whose labels match, e.g. -l 'team,env in (prod)'. Not with -f (plan mode takes namespaces from -n and the manifests).",
      exclusive: ['filename'],
    }),
    context: Flags.string({
      description: 'The kubeconfig context to use; repeat it for one report across clusters (read in parallel, tagged with a CONTEXT column).',
      multiple: true,
      multipleNonGreedy: true,
      helpGroup: 'KUBERNETES',
    }),
    'all-contexts': Flags.boolean({
      description: 'One report across every context of the kubeconfig, read in parallel.',
      exclusive: ['context', 'filename'],
    }),
    ...noHeadersFlag,
    // The report's thresholds and sections mean nothing to a plan: refused with -f rather than ignored.
    warn: Flags.integer({description: 'Percent at which a resource shows WARN.', default: 80, min: 1, max: 1000, exclusive: ['filename']}),
    'fail-at': Flags.integer({description: 'Exit 3 when any resource is at or over this percent.', default: 100, min: 1, max: 1000, exclusive: ['filename']}),
    top: Flags.integer({description: 'Show the N workloads that consume most of each quota\'d resource.', default: 0, min: 0, max: 100, exclusive: ['filename']}),
    'fail-on-missing': Flags.boolean({description: 'Exit 3 also when a pod lacks a request or limit that a quota requires.', exclusive: ['filename']}),
    filename: Flags.string({
      char: 'f',
      multiple: true,
      description: 'Plan mode: manifests (file, directory, or - for stdin) to check against the quotas before applying them.',
    }),
    offline: Flags.boolean({description: 'Plan mode without a cluster: ResourceQuotas, LimitRanges and RuntimeClasses come from the manifests.', dependsOn: ['filename']}),
    nodes: Flags.integer({description: 'Plan mode: nodes a DaemonSet runs on (default: the cluster\'s node count).', min: 0, dependsOn: ['filename']}),
    output: Flags.string({char: 'o', description: 'Output format: wide|json|yaml|markdown.', default: 'table'}),
    ...completionFlag,
    version: Flags.version(),
  }

  async run(): Promise<void> {
    const {flags} = await this.parse(QuotaReport)
    const code = await runQuotaReport(flags, this.session)
    if (code !== ExitCode.ok) this.exit(code)
  }
}
