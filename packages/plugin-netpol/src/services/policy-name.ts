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

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/

/** Parses `NAME` or `KIND/NAME` (networkpolicy|netpol, anp, banp, cnp, or the full kind); throws INVALID_ARGUMENT. */
export function parsePolicyName(text: string): PolicyName {
  const parts = text.split('/')
  const name = parts.at(-1) ?? ''
  const invalid = (problem: string) => new UsageError('INVALID_ARGUMENT', `invalid POLICY "${text}": ${problem}`, {fix: 'Use NAME or KIND/NAME, e.g. netpol/default-deny or anp/guard.'})
  if (parts.length > 2) throw invalid('expected NAME or KIND/NAME')
  if (!NAME.test(name)) throw invalid(`"${name}" is not a valid name`)
  if (parts.length === 1) return {name}
  const alias = (parts[0] ?? '').toLowerCase()
  const kind = Object.hasOwn(KIND_ALIASES, alias) ? KIND_ALIASES[alias] : undefined
  if (kind === undefined) throw invalid(`unknown kind "${parts[0] ?? ''}": expected networkpolicy (netpol), adminnetworkpolicy (anp), baselineadminnetworkpolicy (banp) or clusternetworkpolicy (cnp)`)
  return {kind, name}
}

export function namesPolicy(wanted: PolicyName, ref: PolicyRef): boolean {
  return ref.name === wanted.name && (wanted.kind === undefined || wanted.kind === ref.kind)
}
