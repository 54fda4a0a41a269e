import {UsageError} from '@kubeline/core'
import type {PolicyKind, PolicyRef} from '../domain/policy-ref.js'

/** What `explain POLICY` names: a name, optionally with a kind as kubectl spells it (`anp/guard`). */
export interface PolicyName {
  kind?: PolicyKind
  name: string
}

const KIND_ALIASES: Readonly<Record<string, PolicyKind>> = {
  networkpolicy: 'NetworkPolicy',
  networkpolicies: 'NetworkPolicy',
  netpol: 'NetworkPolicy',
  adminnetworkpolicy: 'AdminNetworkPolicy',
  adminnetworkpolicies: 'AdminNetworkPolicy',
  anp: 'AdminNetworkPolicy',
  baselineadminnetworkpolicy: 'BaselineAdminNetworkPolicy',
  baselineadminnetworkpolicies: 'BaselineAdminNetworkPolicy',
  banp: 'BaselineAdminNetworkPolicy',
  clusternetworkpolicy: 'ClusterNetworkPolicy',
  clusternetworkpolicies: 'ClusterNetworkPolicy',
  cnp: 'ClusterNetworkPolicy',
}

/** The API group of each kind, which kubectl writes after it (`kubectl get netpol -o name`). */
const KIND_GROUPS: Readonly<Record<PolicyKind, string>> = {
  NetworkPolicy: 'networking.k8s.io',
  AdminNetworkPolicy: 'policy.networking.k8s.io',
  BaselineAdminNetworkPolicy: 'policy.networking.k8s.io',
  ClusterNetworkPolicy: 'policy.networking.k8s.io',
}

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/

/** Parses `NAME` or `KIND/NAME` (networkpolicy|netpol, anp, banp, cnp, or the full kind, optionally `.GROUP`); throws INVALID_ARGUMENT. */
export function parsePolicyName(text: string): PolicyName {
  const parts = text.split('/')
  const name = parts.at(-1) ?? ''
  const invalid = (problem: string) => new UsageError('INVALID_ARGUMENT', `invalid POLICY "${text}": ${problem}`, {fix: 'Use NAME or KIND/NAME, e.g. netpol/default-deny or anp/guard.'})
  if (parts.length > 2) throw invalid('expected NAME or KIND/NAME')
  if (!NAME.test(name)) throw invalid(`"${name}" is not a valid name`)
  if (parts.length === 1) return {name}
  const kind = policyKind((parts[0] ?? '').toLowerCase())
  if (kind === undefined) throw invalid(`unknown kind "${parts[0] ?? ''}": expected networkpolicy (netpol), adminnetworkpolicy (anp), baselineadminnetworkpolicy (banp) or clusternetworkpolicy (cnp)`)
  return {kind, name}
}

export function namesPolicy(wanted: PolicyName, ref: PolicyRef): boolean {
  return ref.name === wanted.name && (wanted.kind === undefined || wanted.kind === ref.kind)
}

/** `netpol`, `networkpolicies`, `networkpolicy.networking.k8s.io`, ...: the group, when written, must be the kind's. */
function policyKind(text: string): PolicyKind | undefined {
  const dot = text.indexOf('.')
  const alias = dot < 0 ? text : text.slice(0, dot)
  const kind = Object.hasOwn(KIND_ALIASES, alias) ? KIND_ALIASES[alias] : undefined
  return kind !== undefined && (dot < 0 || text.slice(dot + 1) === KIND_GROUPS[kind]) ? kind : undefined
}
