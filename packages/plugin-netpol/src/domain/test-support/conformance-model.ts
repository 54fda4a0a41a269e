// The upstream conformance model (kubernetes test/e2e/network/netpol/model.go) as plain objects:
// namespaces x, y, z labelled {ns: <name>}; pods a, b, c labelled {pod: <name>}; one container port
// per port x protocol named `serve-<port>-<proto>`. Pod IPs are 10.<ns>.<pod>.1 (x=1, a=1).
// Reachability mirrors reachability.go: default allowed, then Expect / ExpectAllIngress /
// ExpectAllEgress / ExpectPeer overrides, compared ignoring loopback as upstream does.
import type {NetworkPolicyObject, NetworkPolicyPeerObject, NetworkPolicyPortObject, PodObject, NamespaceObject} from '../kube-objects.js'
import type {Protocol} from '../protocol.js'

export const NAMESPACES = ['x', 'y', 'z'] as const
export const POD_NAMES = ['a', 'b', 'c'] as const
export const ALL_PODS = NAMESPACES.flatMap((ns) => POD_NAMES.map((pod) => `${ns}/${pod}`))

export function podIp(pod: string): string {
  const [ns = '', name = ''] = pod.split('/')
  return `10.${NAMESPACES.indexOf(ns as 'x') + 1}.${POD_NAMES.indexOf(name as 'a') + 1}.1`
}

export function modelNamespaces(): NamespaceObject[] {
  return NAMESPACES.map((name) => ({metadata: {name, labels: {ns: name}}}))
}

export function modelPods(ports: readonly number[] = [80, 81], protocols: readonly Protocol[] = ['TCP', 'UDP', 'SCTP']): PodObject[] {
  return ALL_PODS.map((ref) => {
    const [namespace = '', name = ''] = ref.split('/')
    return {
      metadata: {name, namespace, labels: {pod: name}},
      spec: {
        containers: ports.flatMap((port) =>
          protocols.map((protocol) => ({
            name: `cont-${port}-${protocol.toLowerCase()}`,
            ports: [{name: `serve-${port}-${protocol.toLowerCase()}`, containerPort: port, protocol}],
          })),
        ),
      },
      status: {podIP: podIp(ref), podIPs: [{ip: podIp(ref)}]},
    }
  })
}

type Selector = {matchLabels?: Record<string, string>; matchExpressions?: {key: string; operator: string; values?: string[]}[]}

/** GenNetworkPolicyWithNameAndPodSelector + SetSpecIngressRules / SetSpecEgressRules (policies.go). */
export function policy(
  namespace: string,
  name: string,
  podSelector: Selector,
  rules: {ingress?: {from?: NetworkPolicyPeerObject[]; ports?: NetworkPolicyPortObject[]}[]; egress?: {to?: NetworkPolicyPeerObject[]; ports?: NetworkPolicyPortObject[]}[]},
): NetworkPolicyObject {
  const policyTypes = [...(rules.ingress ? ['Ingress'] : []), ...(rules.egress ? ['Egress'] : [])]
  return {metadata: {name, namespace}, spec: {podSelector, policyTypes, ...(rules.ingress ? {ingress: rules.ingress} : {}), ...(rules.egress ? {egress: rules.egress} : {})}}
}

export const nsName = (ns: string): Selector => ({matchLabels: {'kubernetes.io/metadata.name': ns}})
export const podLabel = (pod: string): Selector => ({matchLabels: {pod}})

export interface PeerPattern {
  namespace?: string
  pod?: string
}

/** reachability.go: a truth table over ALL_PODS, default allowed, later calls win. */
export class Reachability {
  readonly expected = new Map<string, boolean>()

  constructor(defaultAllowed = true) {
    for (const from of ALL_PODS) for (const to of ALL_PODS) this.expected.set(`${from}>${to}`, defaultAllowed)
  }

  expect(from: string, to: string, allowed: boolean): this {
    this.expected.set(`${from}>${to}`, allowed)
    return this
  }

  expectAllIngress(to: string, allowed: boolean): this {
    for (const from of ALL_PODS) this.expect(from, to, allowed)
    return this
  }

  expectAllEgress(from: string, allowed: boolean): this {
    for (const to of ALL_PODS) this.expect(from, to, allowed)
    return this
  }

  expectPeer(from: PeerPattern, to: PeerPattern, allowed: boolean): this {
    for (const f of ALL_PODS.filter((p) => matchesPattern(p, from))) for (const t of ALL_PODS.filter((p) => matchesPattern(p, to))) this.expect(f, t, allowed)
    return this
  }
}

function matchesPattern(pod: string, pattern: PeerPattern): boolean {
  const [ns, name] = pod.split('/')
  return (pattern.namespace === undefined || pattern.namespace === ns) && (pattern.pod === undefined || pattern.pod === name)
}
