import type {NetworkPolicyObject} from './kube-objects.js'
import type {PolicyRef} from './policy-ref.js'
import {invalidPolicy} from './policy-ref.js'

/** The JSON shape of a field, as networking/v1 types.go declares it; `nullItems`: a null item is the empty struct. */
type Shape = 'string' | 'integer' | 'int-or-string' | {list: Shape; nullItems?: true} | {stringMap: true} | {fields: Readonly<Record<string, Shape>>}

const SELECTOR: Shape = {
  fields: {
    matchLabels: {stringMap: true},
    matchExpressions: {list: {fields: {key: 'string', operator: 'string', values: {list: 'string'}}}},
  },
}
const PEER: Shape = {fields: {podSelector: SELECTOR, namespaceSelector: SELECTOR, ipBlock: {fields: {cidr: 'string', except: {list: 'string'}}}}}
const PORT: Shape = {fields: {protocol: 'string', port: 'int-or-string', endPort: 'integer'}}
const SPEC: Shape = {
  fields: {
    podSelector: SELECTOR,
    policyTypes: {list: 'string'},
    ingress: {list: {fields: {from: {list: PEER}, ports: {list: PORT}}}, nullItems: true},
    egress: {list: {fields: {to: {list: PEER}, ports: {list: PORT}}}, nullItems: true},
  },
}

/**
 * Refuses a NetworkPolicy from a manifest whose spec has an unknown field or a value of the wrong
 * type, as the API server's strict decoding does (kubectl apply asks for it). Without this a typo
 * changes the verdict silently: `podSelector: {matchLabel: ...}` would read as `{}` (every pod), and
 * `namespaceselector` next to a podSelector would lose the namespace scope. Null stands for an absent
 * field, as in the API. A null rule is the empty rule (withNullRulesEmpty); any other null list item
 * is refused, as the API's validation refuses the empty peer, port or string it decodes to.
 */
export function checkNetworkPolicyShape(policy: NetworkPolicyObject): void {
  const ref: PolicyRef = {kind: 'NetworkPolicy', name: policy.metadata.name, namespace: policy.metadata.namespace}
  const problem = shapeProblem(policy.spec, SPEC, 'spec')
  if (problem !== undefined) invalidPolicy(ref, problem.path, problem.problem)
}

/** The policy with each null ingress or egress rule as the empty rule (it allows all), as the API server decodes it. */
export function withNullRulesEmpty(policy: NetworkPolicyObject): NetworkPolicyObject {
  const spec: unknown = policy.spec
  if (!isMapping(spec)) return policy
  const rules = (key: 'ingress' | 'egress') => (Array.isArray(spec[key]) ? {[key]: (spec[key] as unknown[]).map((rule) => rule ?? {})} : {})
  return {...policy, spec: {...spec, ...rules('ingress'), ...rules('egress')} as NetworkPolicyObject['spec']}
}

interface ShapeProblem {
  path: string
  problem: string
}

function shapeProblem(value: unknown, shape: Shape, path: string): ShapeProblem | undefined {
  if (typeof shape === 'string') return scalarProblem(value, shape, path)
  if (!('list' in shape)) {
    if (!isMapping(value)) return {path, problem: `must be a mapping, got ${kindOf(value)}`}
    return 'fields' in shape ? fieldsProblem(value, shape.fields, path) : stringMapProblem(value, path)
  }
  if (!Array.isArray(value)) return {path, problem: `must be a list, got ${kindOf(value)}`}
  for (const [i, item] of value.entries()) {
    if (item === null && shape.nullItems) continue
    const problem = shapeProblem(item, shape.list, `${path}[${i}]`)
    if (problem !== undefined) return problem
  }
  return undefined
}

function fieldsProblem(value: Record<string, unknown>, fields: Readonly<Record<string, Shape>>, path: string): ShapeProblem | undefined {
  for (const [key, field] of Object.entries(value)) {
    const shape = fields[key]
    if (shape === undefined) return {path: `${path}.${key}`, problem: `unknown field (expected one of ${Object.keys(fields).join(', ')})`}
    if (field === null) continue
    const problem = shapeProblem(field, shape, `${path}.${key}`)
    if (problem !== undefined) return problem
  }
  return undefined
}

function stringMapProblem(value: Record<string, unknown>, path: string): ShapeProblem | undefined {
  const key = Object.keys(value).find((k) => typeof value[k] !== 'string')
  return key === undefined ? undefined : {path: `${path}.${key}`, problem: `must be a string, got ${kindOf(value[key])}`}
}

function scalarProblem(value: unknown, shape: 'string' | 'integer' | 'int-or-string', path: string): ShapeProblem | undefined {
  const ok = shape === 'string' ? typeof value === 'string'
    : shape === 'integer' ? Number.isInteger(value)
    : typeof value === 'string' || Number.isInteger(value)
  if (ok) return undefined
  const expected = shape === 'string' ? 'a string' : shape === 'integer' ? 'an integer' : 'a number or a string'
  return {path, problem: `must be ${expected}, got ${kindOf(value)}`}
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : 'a string'
}
