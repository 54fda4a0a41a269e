import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {DirectionReason} from '../domain/policy-catalog.js'
import type {DirectionExplanation, PeerExplanation, PolicyExplanation, PortExplanation, RuleExplanation} from '../domain/policy-explanation.js'
import type {Direction} from '../domain/verdict.js'
import {describePeer, describePolicy, describePort} from './describe-rule.js'

/** How many pod names a line shows before "and N more". */
export const SHOWN_PODS = 5

const REASONS: Record<DirectionReason, (direction: string) => string> = {
  listed: (direction) => `isolated (policyTypes lists ${direction})`,
  'not-listed': (direction) => `not affected (policyTypes does not list ${direction})`,
  'defaulted-ingress': () => 'isolated (policyTypes is not set: Ingress is always assumed)',
  'defaulted-egress': () => 'isolated (policyTypes is not set, and spec.egress has rules: Egress is assumed)',
  'not-defaulted-egress': () => 'not affected (policyTypes is not set, and spec.egress has no rules)',
  'admin-rules': () => 'rules in order, the first that matches decides',
  'admin-no-rules': () => 'not affected (no rules)',
}

const ACTION_VERBS: Readonly<Record<string, string>> = {Allow: 'allows', Accept: 'accepts', Deny: 'denies', Pass: 'passes to the next tier'}

/** `explain`: each policy in plain words. JSON kind PolicyExplanation (docs/netpol-test.md). */
export function explanationView(policies: readonly PolicyExplanation[]): ResultView<never> {
  return {
    document: kubelineDocument('PolicyExplanation', {policies: policies.map(policyDocument)}),
    text: () => policies.map((policy) => policyLines(policy).join('\n')).join('\n\n'),
  }
}

function policyLines(policy: PolicyExplanation): string[] {
  const tier = policy.tier === 'networkpolicy' ? '' : ` (${policy.tier} tier${policy.priority === undefined ? '' : `, priority ${policy.priority}`})`
  return [
    `${describePolicy(policy.ref)}${tier}`,
    `  selects ${podList(policy.selectedPods)} (${describePeer(policy.subject)})`,
    ...directionLines('ingress', policy.ingress),
    ...directionLines('egress', policy.egress),
  ]
}

function directionLines(direction: Direction, explanation: DirectionExplanation): string[] {
  // Only a NetworkPolicy can be affected without rules (admin kinds are affected by their rules).
  const deniesAll = explanation.affected && explanation.rules.length === 0
  return [
    `  ${direction}: ${directionText(direction, explanation)}${deniesAll ? `; no rules: nothing is allowed ${direction === 'ingress' ? 'in' : 'out'} unless another policy allows it` : ''}`,
    ...explanation.rules.map((rule) => `    ${ruleText(direction, rule)}`),
  ]
}

function directionText(direction: Direction, explanation: DirectionExplanation): string {
  return REASONS[explanation.reason](direction === 'ingress' ? 'Ingress' : 'Egress')
}

/** `rule 0 "name": allows from pods {app=a} in namespace x [1 pod: x/a] on TCP/80`. */
function ruleText(direction: Direction, rule: RuleExplanation): string {
  const name = rule.name === undefined ? '' : ` "${rule.name}"`
  const verb = ACTION_VERBS[rule.action] ?? rule.action
  const peers = rule.peers.map((peer) => peerText(direction, peer)).join(', or ')
  const ports = rule.ports.map((port) => portText(port, rule.destinationPods)).join(', ')
  return `rule ${rule.index}${name}: ${verb} ${direction === 'ingress' ? 'from' : 'to'} ${peers} on ${ports}`
}

function peerText(direction: Direction, {peer, pods}: PeerExplanation): string {
  if (peer === 'all') return `any ${direction === 'ingress' ? 'source' : 'destination'} (every pod and external address)`
  if (peer.kind === 'pods') return `${describePeer(peer)} [${podList(pods)}]`
  return pods.length > 0 ? `${describePeer(peer)} [${podList(pods)}]` : describePeer(peer)
}

function portText({port, resolved}: PortExplanation, destinationPods: number): string {
  if (resolved === undefined) return describePort(port)
  if (destinationPods === 0) return `${describePort(port)} (no destination pod to resolve it on)`
  if (resolved.length === 0) return `${describePort(port)} (not defined by ${destinationPods === 1 ? 'the destination pod' : `any of the ${destinationPods} destination pods`})`
  return `${describePort(port)} (${resolved.map((entry) => `${entry.protocol}/${entry.port} on ${podList(entry.pods)}`).join('; ')})`
}

/** `no pod`, `1 pod: x/a`, `7 pods: x/a, ..., x/e and 2 more`. */
export function podList(pods: readonly string[]): string {
  if (pods.length === 0) return 'no pod'
  const shown = pods.slice(0, SHOWN_PODS).join(', ')
  const more = pods.length > SHOWN_PODS ? ` and ${pods.length - SHOWN_PODS} more` : ''
  return `${pods.length} ${pods.length === 1 ? 'pod' : 'pods'}: ${shown}${more}`
}

function policyDocument(policy: PolicyExplanation) {
  return {
    policy: {kind: policy.ref.kind, name: policy.ref.name, ...(policy.ref.namespace === undefined ? {} : {namespace: policy.ref.namespace})},
    tier: policy.tier,
    ...(policy.priority === undefined ? {} : {priority: policy.priority}),
    selects: {description: describePeer(policy.subject), count: policy.selectedPods.length, pods: policy.selectedPods},
    ingress: directionDocument('ingress', policy.ingress),
    egress: directionDocument('egress', policy.egress),
  }
}

function directionDocument(direction: Direction, explanation: DirectionExplanation) {
  return {
    affected: explanation.affected,
    reason: explanation.reason,
    explanation: directionText(direction, explanation),
    rules: explanation.rules.map((rule) => ({
      index: rule.index,
      ...(rule.name === undefined ? {} : {name: rule.name}),
      action: rule.action,
      explanation: ruleText(direction, rule),
      peers: rule.peers.map(({peer, pods}) => ({description: describePeer(peer), count: pods.length, pods})),
      ports: rule.ports.map(({port, resolved}) => ({description: describePort(port), ...(resolved === undefined ? {} : {resolved})})),
    })),
  }
}
