// A seeded random cluster generator for the matrix-vs-evaluateTraffic agreement tests: small label
// vocabularies so selectors collide, every peer and port kind, every admin tier.
import type {LabelSelectorObject} from '@kubeline/core'
import type {AdminPeerObject, AdminSubjectObject, NamespaceObject, AdminRuleObject, ClusterState, NetworkPolicyObject, NetworkPolicyPeerObject, NetworkPolicyPortObject, PodObject} from '../kube-objects.js'

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function randomCluster(seed: number): ClusterState {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const chance = (p: number): boolean => random() < p
  const namespaces: NamespaceObject[] = ['n0', 'n1', 'n2'].map((name) => ({metadata: {name, labels: chance(0.7) ? {team: pick(['a', 'b'])} : ({} as Record<string, string>)}}))
  const selector = (): LabelSelectorObject => pick<LabelSelectorObject>([{}, {matchLabels: {app: pick(['web', 'db'])}}, {matchExpressions: [{key: 'tier', operator: pick(['Exists', 'DoesNotExist'])}]}, {matchExpressions: [{key: 'app', operator: 'NotIn', values: ['db']}]}])
  const nsSelector = (): LabelSelectorObject => pick<LabelSelectorObject>([{}, {matchLabels: {team: pick(['a', 'b'])}}, {matchLabels: {'kubernetes.io/metadata.name': pick(['n0', 'n1'])}}])
  const pods: PodObject[] = Array.from({length: 14}, (_, i) => ({
    metadata: {name: `p${i}`, namespace: pick(['n0', 'n1', 'n2']), labels: {app: pick(['web', 'db', 'cache']), ...(chance(0.5) ? {tier: 'x'} : {})}},
    spec: {
      hostNetwork: chance(0.1),
      containers: [{ports: chance(0.6) ? [{name: 'svc', containerPort: pick([80, 8080]), protocol: pick(['TCP', 'UDP'])}] : []}],
      // A named port only an init container (native sidecar or not) declares: it counts under some named-port sources.
      initContainers: chance(0.3) ? [{...(chance(0.5) ? {restartPolicy: 'Always'} : {}), ports: [{name: 'svc', containerPort: pick([80, 8080]), protocol: pick(['TCP', 'UDP'])}]}] : [],
    },
    status: {podIP: `10.0.${i % 3}.${i + 1}`},
  }))
  const port = (): NetworkPolicyPortObject => pick([{port: 80}, {port: 80, endPort: 8080}, {protocol: 'UDP'}, {port: 'svc'}, {port: 'svc', protocol: 'UDP'}, {port: 8080, protocol: 'UDP'}])
  const peer = (): NetworkPolicyPeerObject => pick([
    {podSelector: selector()},
    {namespaceSelector: nsSelector()},
    {namespaceSelector: nsSelector(), podSelector: selector()},
    {ipBlock: {cidr: pick(['10.0.1.0/24', '10.0.0.0/16']), except: chance(0.5) ? ['10.0.1.0/28'] : []}},
  ])
  const rules = () => Array.from({length: pick([0, 1, 2])}, () => ({
    ...(chance(0.8) ? {from: Array.from({length: pick([1, 2])}, peer), to: undefined} : {}),
    ...(chance(0.6) ? {ports: Array.from({length: pick([1, 2])}, port)} : {}),
  }))
  const networkPolicies: NetworkPolicyObject[] = Array.from({length: 6}, (_, i) => {
    const ingress = rules()
    const egress = rules().map(({from, ...rest}) => ({...rest, ...(from ? {to: from} : {})}))
    return {metadata: {name: `np${i}`, namespace: pick(['n0', 'n1', 'n2'])}, spec: {podSelector: selector(), policyTypes: pick([[], ['Ingress'], ['Egress'], ['Ingress', 'Egress']]), ingress, egress}}
  })
  const adminPeer = (): AdminPeerObject => pick([{namespaces: nsSelector()}, {pods: {namespaceSelector: nsSelector(), podSelector: selector()}}, {networks: ['10.0.2.0/24']}])
  const adminRules = (actions: string[], direction: 'from' | 'to'): AdminRuleObject[] => Array.from({length: pick([0, 1, 2])}, (): AdminRuleObject => ({
    action: pick(actions),
    [direction]: [adminPeer()].filter((p) => direction === 'to' || !p.networks),
    ...(chance(0.4) ? {ports: [pick([{portNumber: {port: 80}}, {namedPort: 'svc'}, {portRange: {protocol: 'UDP', start: 80, end: 8080}}])]} : {}),
  })).filter((rule) => (rule[direction] ?? []).length > 0)
  const subject = (): AdminSubjectObject => pick([{namespaces: nsSelector()}, {pods: {namespaceSelector: nsSelector(), podSelector: selector()}}])
  return {
    namespaces,
    pods,
    networkPolicies,
    adminNetworkPolicies: Array.from({length: 2}, (_, i) => ({metadata: {name: `anp${i}`}, spec: {priority: i * 10, subject: subject(), ingress: adminRules(['Allow', 'Deny', 'Pass'], 'from'), egress: adminRules(['Allow', 'Deny', 'Pass'], 'to')}})),
    baselineAdminNetworkPolicies: chance(0.7) ? [{metadata: {name: 'default'}, spec: {subject: subject(), ingress: adminRules(['Allow', 'Deny'], 'from'), egress: adminRules(['Allow', 'Deny'], 'to')}}] : [],
    clusterNetworkPolicies: [{metadata: {name: 'cnp'}, spec: {tier: pick(['Admin', 'Baseline']), priority: 5, subject: subject(), ingress: adminRules(['Accept', 'Deny', 'Pass'], 'from').map(({ports: _ports, ...r}) => ({...r, ...(chance(0.5) ? {protocols: [pick([{tcp: {destinationPort: {number: 80}}}, {udp: {}}, {destinationNamedPort: 'svc'}])]} : {})}))}}],
  }
}
