import {describe, expect, test} from 'vitest'
import {compileCluster} from './compiled-cluster.js'
import type {AdminNetworkPolicyObject, BaselineAdminNetworkPolicyObject, NetworkPolicyObject, PodObject} from './kube-objects.js'
import {isAtLeast} from './lint-finding.js'
import type {LintScope} from './netpol-lint.js'
import {lintCluster} from './netpol-lint.js'
import {cluster, namespace, networkPolicy, pod} from './test-support/cluster-builders.js'

const namespaces = [namespace('prod', {env: 'prod'}), namespace('dev', {env: 'dev'})]
const basePods = [
  pod('prod/api', {app: 'api'}, '10.0.1.1', {ports: [{name: 'http', containerPort: 8080}]}),
  pod('prod/db', {app: 'db'}, '10.0.1.2'),
  pod('dev/web', {app: 'web'}, '10.0.2.1'),
  pod('prod/agent', {app: 'agent'}, '192.168.0.5', {hostNetwork: true}),
]
/** Default deny in both directions for prod: the namespace-level findings stay quiet. */
const denyAll = networkPolicy('prod/deny-all', {podSelector: {}, policyTypes: ['Ingress', 'Egress']})
const prodOnly: LintScope = {kind: 'namespaces', namespaces: ['prod']}

interface Row {
  name: string
  policies: NetworkPolicyObject[]
  anps?: AdminNetworkPolicyObject[]
  banps?: BaselineAdminNetworkPolicyObject[]
  pods?: PodObject[]
  scope?: LintScope
  /** `severity code object path`, in report order. */
  findings: string[]
}

const ROWS: Row[] = [
  {name: 'a default-deny namespace whose pods are all selected: clean', policies: [denyAll], findings: []},
  {
    name: 'a policy whose podSelector matches no pod',
    policies: [denyAll, networkPolicy('prod/typo', {podSelector: {matchLabels: {app: 'apy'}}})],
    findings: ['warning POLICY_SELECTS_NO_PODS NetworkPolicy/prod/typo spec.podSelector'],
  },
  {
    name: 'a pod peer and a namespace peer that match nothing; a matching peer and an ipBlock are fine',
    policies: [
      denyAll,
      networkPolicy('prod/from', {
        podSelector: {matchLabels: {app: 'api'}},
        ingress: [{from: [{podSelector: {matchLabels: {app: 'web'}}}, {namespaceSelector: {matchLabels: {env: 'staging'}}}, {namespaceSelector: {matchLabels: {env: 'dev'}}}, {ipBlock: {cidr: '172.16.0.0/12'}}]}],
      }),
    ],
    findings: ['warning PEER_MATCHES_NO_PODS NetworkPolicy/prod/from spec.ingress[0].from[0]', 'warning PEER_MATCHES_NO_PODS NetworkPolicy/prod/from spec.ingress[0].from[1]'],
  },
  {
    name: 'named ports: ingress against the selected pods, egress against the peers',
    policies: [
      denyAll,
      networkPolicy('prod/ports', {
        podSelector: {matchLabels: {app: 'api'}},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ports: [{port: 'http'}, {port: 'grpc'}, {port: 'http', protocol: 'UDP'}]}],
        egress: [{to: [{podSelector: {matchLabels: {app: 'db'}}}], ports: [{port: 'pg'}]}],
      }),
    ],
    findings: [
      'warning NAMED_PORT_UNRESOLVED NetworkPolicy/prod/ports spec.egress[0].ports[0]',
      'warning NAMED_PORT_UNRESOLVED NetworkPolicy/prod/ports spec.ingress[0].ports[1]',
      'warning NAMED_PORT_UNRESOLVED NetworkPolicy/prod/ports spec.ingress[0].ports[2]',
    ],
  },
  {
    name: 'a named port with no destination pod at all is left to the selector finding',
    policies: [denyAll, networkPolicy('prod/none', {podSelector: {matchLabels: {app: 'cache'}}, ingress: [{ports: [{port: 'redis'}]}]})],
    findings: ['warning POLICY_SELECTS_NO_PODS NetworkPolicy/prod/none spec.podSelector'],
  },
  {
    name: 'rules of a direction policyTypes leaves out are not linted',
    policies: [denyAll, networkPolicy('prod/egress-only', {policyTypes: ['Egress'], ingress: [{from: [{podSelector: {matchLabels: {app: 'ghost'}}}]}]})],
    findings: [],
  },
  {
    name: 'no default deny: ingress is a warning, egress info; pods no policy selects (host-network ones aside)',
    policies: [],
    findings: ['warning NO_DEFAULT_DENY_INGRESS Namespace/prod', 'info NO_DEFAULT_DENY_EGRESS Namespace/prod', 'info POD_NOT_COVERED Pod/prod/api', 'info POD_NOT_COVERED Pod/prod/db'],
  },
  {
    name: 'a podSelector {} policy with allow rules is a default deny too; a narrower one is not',
    policies: [networkPolicy('prod/allow-dev', {podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {env: 'dev'}}}]}]}), networkPolicy('prod/api-egress', {podSelector: {matchLabels: {app: 'api'}}, policyTypes: ['Egress']})],
    findings: ['info NO_DEFAULT_DENY_EGRESS Namespace/prod'],
  },
  {
    name: 'an admin policy covers the pods it selects',
    policies: [networkPolicy('prod/deny-ingress', {podSelector: {}})],
    anps: [{metadata: {name: 'egress-guard'}, spec: {priority: 1, subject: {pods: {podSelector: {matchLabels: {app: 'db'}}}}, egress: [{action: 'Deny', to: [{networks: ['0.0.0.0/0']}]}]}}],
    findings: ['info NO_DEFAULT_DENY_EGRESS Namespace/prod'],
  },
  {
    name: 'an admin policy that selects nothing, with a peer that matches nothing',
    policies: [denyAll],
    anps: [{metadata: {name: 'ghost'}, spec: {priority: 1, subject: {namespaces: {matchLabels: {env: 'qa'}}}, ingress: [{action: 'Deny', from: [{pods: {podSelector: {matchLabels: {app: 'x'}}}}]}]}}],
    findings: ['warning PEER_MATCHES_NO_PODS AdminNetworkPolicy/ghost spec.ingress[0].from[0]', 'warning POLICY_SELECTS_NO_PODS AdminNetworkPolicy/ghost spec.subject'],
  },
  {
    name: 'a baseline Deny of ingress from every namespace, for every namespace, is a default deny for ingress',
    policies: [],
    banps: [{metadata: {name: 'default'}, spec: {subject: {namespaces: {}}, ingress: [{action: 'Allow', from: [{namespaces: {matchLabels: {env: 'dev'}}}]}, {action: 'Deny', from: [{namespaces: {}}]}]}}],
    findings: ['info NO_DEFAULT_DENY_EGRESS Namespace/prod'],
  },
  {
    name: 'an admin egress Deny to every pod and every network (IPv4 and IPv6) is a default deny for egress',
    policies: [networkPolicy('prod/deny-ingress', {podSelector: {}})],
    anps: [{metadata: {name: 'egress-wall'}, spec: {priority: 5, subject: {namespaces: {matchLabels: {env: 'prod'}}}, egress: [{action: 'Deny', to: [{namespaces: {}}, {networks: ['0.0.0.0/0', '::/0']}]}]}}],
    findings: [],
  },
  {
    name: 'an admin Deny from every pod on some ports only leaves the other ports open: not a default deny',
    policies: [],
    anps: [{metadata: {name: 'web-ports'}, spec: {priority: 5, subject: {namespaces: {matchLabels: {env: 'prod'}}}, ingress: [{action: 'Deny', from: [{namespaces: {}}], ports: [{portNumber: {port: 80, protocol: 'TCP'}}]}]}}],
    findings: ['warning NO_DEFAULT_DENY_INGRESS Namespace/prod', 'info NO_DEFAULT_DENY_EGRESS Namespace/prod'],
  },
  {
    name: 'an egress Deny to pods only leaves external traffic open: not a default deny',
    policies: [networkPolicy('prod/deny-ingress', {podSelector: {}})],
    anps: [{metadata: {name: 'pods-only'}, spec: {priority: 5, subject: {namespaces: {matchLabels: {env: 'prod'}}}, egress: [{action: 'Deny', to: [{namespaces: {}}]}]}}],
    findings: ['info NO_DEFAULT_DENY_EGRESS Namespace/prod'],
  },
  {
    name: 'an admin Deny for some pods of the namespace, or for another namespace, is not its default deny',
    policies: [],
    anps: [
      {metadata: {name: 'db-only'}, spec: {priority: 5, subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: 'db'}}}}, ingress: [{action: 'Deny', from: [{namespaces: {}}]}]}},
      {metadata: {name: 'dev-only'}, spec: {priority: 6, subject: {namespaces: {matchLabels: {env: 'dev'}}}, ingress: [{action: 'Deny', from: [{namespaces: {}}]}]}},
    ],
    findings: ['warning NO_DEFAULT_DENY_INGRESS Namespace/prod', 'info NO_DEFAULT_DENY_EGRESS Namespace/prod', 'info POD_NOT_COVERED Pod/prod/api'],
  },
  {
    name: 'an ipBlock except outside its CIDR is an error, listed first',
    policies: [denyAll, networkPolicy('prod/cidr', {podSelector: {}, policyTypes: ['Egress'], egress: [{to: [{ipBlock: {cidr: '10.0.0.0/8', except: ['192.168.0.0/16']}}]}]})],
    findings: ['error IPBLOCK_EXCEPT_OUTSIDE_CIDR NetworkPolicy/prod/cidr spec.egress[0].to[0].ipBlock.except[0]'],
  },
  {
    name: 'policies, namespaces and pods outside the scope are not linted; peers still match cluster-wide',
    policies: [denyAll, networkPolicy('dev/typo', {podSelector: {matchLabels: {app: 'nothing'}}})],
    findings: [],
  },
  {
    name: 'scope all: every namespace',
    policies: [denyAll],
    scope: {kind: 'all'},
    findings: ['warning NO_DEFAULT_DENY_INGRESS Namespace/dev', 'info NO_DEFAULT_DENY_EGRESS Namespace/dev', 'info POD_NOT_COVERED Pod/dev/web'],
  },
]

describe('lintCluster', () => {
  test.each(ROWS)('$name', ({policies, anps, banps, pods, scope, findings}) => {
    const state = cluster({namespaces, pods: pods ?? basePods, networkPolicies: policies, adminNetworkPolicies: anps ?? [], baselineAdminNetworkPolicies: banps ?? []})
    const result = lintCluster(compileCluster(state), policies, scope ?? prodOnly, {ipBlockMatchesPods: true})
    const object = (f: (typeof result)[number]) => [f.object.kind, ...(f.object.namespace ? [f.object.namespace] : []), f.object.name].join('/')
    expect(result.map((f) => [f.severity, f.code, object(f), ...(f.path ? [f.path] : [])].join(' '))).toEqual(findings)
  })

  test('messages name the problem', () => {
    const policies = [denyAll, networkPolicy('prod/ports', {podSelector: {matchLabels: {app: 'api'}}, ingress: [{ports: [{port: 'grpc'}]}]})]
    const [finding] = lintCluster(compileCluster(cluster({namespaces, pods: basePods, networkPolicies: policies})), policies, prodOnly, {ipBlockMatchesPods: true})
    expect(finding?.message).toBe('named port "grpc"/TCP is not defined by the destination pod, so it never matches')
  })
})

describe('isAtLeast', () => {
  test.each([
    {severity: 'error', threshold: 'error', want: true},
    {severity: 'warning', threshold: 'error', want: false},
    {severity: 'warning', threshold: 'warning', want: true},
    {severity: 'error', threshold: 'info', want: true},
    {severity: 'info', threshold: 'warning', want: false},
  ] as const)('$severity at or above $threshold: $want', ({severity, threshold, want}) => {
    expect(isAtLeast(severity, threshold)).toBe(want)
  })
})
