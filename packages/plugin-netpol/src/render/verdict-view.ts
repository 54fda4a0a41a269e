import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {PolicyRef} from '../domain/policy-ref.js'
import type {DirectionVerdict, MatchedRule, Verdict} from '../domain/verdict.js'
import {describePeer, describePolicy, describePort, describeRule, explainDirection} from './describe-rule.js'

export type Expectation = 'allow' | 'deny'

/** `check`: ALLOW/DENY and why, per direction. JSON kind NetpolVerdict (docs/netpol-test.md). */
export function verdictView(verdict: Verdict, expected: Expectation): ResultView<never> {
  const result = verdict.allowed ? 'ALLOW' : 'DENY'
  return {
    document: kubelineDocument('NetpolVerdict', {
      result,
      expected,
      expectationMet: verdict.allowed === (expected === 'allow'),
      verdict: {
        source: verdict.source,
        destination: verdict.destination,
        port: verdict.port,
        protocol: verdict.protocol,
        allowed: verdict.allowed,
        egress: directionDocument(verdict.egress),
        ingress: directionDocument(verdict.ingress),
      },
    }),
    text: () =>
      [
        `${result} ${verdict.source} -> ${verdict.destination} ${verdict.protocol}/${verdict.port}`,
        ...directionLines('egress ', verdict.source, verdict.egress),
        ...directionLines('ingress', verdict.destination, verdict.ingress),
      ].join('\n'),
  }
}

function directionLines(label: string, endpoint: string, verdict: DirectionVerdict): string[] {
  const selecting = [...verdict.selectingAdminPolicies, ...verdict.selectingPolicies]
  return [
    `  ${label} of ${endpoint}: ${explainDirection(verdict)}`,
    ...verdict.passedBy.map((rule) => `    passed on by ${describeRule(rule)}`),
    ...(selecting.length > 0 ? [`    policies that select it: ${selecting.map(describePolicy).join(', ')}`] : []),
  ]
}

function directionDocument(verdict: DirectionVerdict) {
  return {
    direction: verdict.direction,
    allowed: verdict.allowed,
    decidedBy: verdict.decidedBy,
    subject: verdict.subject,
    isolated: verdict.isolated,
    selectingPolicies: verdict.selectingPolicies.map(policyDocument),
    selectingAdminPolicies: verdict.selectingAdminPolicies.map(policyDocument),
    ...(verdict.rule ? {rule: ruleDocument(verdict.rule)} : {}),
    passedBy: verdict.passedBy.map(ruleDocument),
    explanation: explainDirection(verdict),
  }
}

function policyDocument(ref: PolicyRef): PolicyRef {
  return {kind: ref.kind, name: ref.name, ...(ref.namespace === undefined ? {} : {namespace: ref.namespace})}
}

/** Peers and ports as text: their matchers hold parsed selectors and CIDRs, not API objects. */
function ruleDocument(rule: MatchedRule) {
  return {
    policy: policyDocument(rule.policy),
    direction: rule.direction,
    ruleIndex: rule.ruleIndex,
    ...(rule.ruleName === undefined ? {} : {ruleName: rule.ruleName}),
    action: rule.action,
    peerIndex: rule.peerIndex,
    peer: describePeer(rule.peer),
    portIndex: rule.portIndex,
    port: describePort(rule.port),
  }
}
