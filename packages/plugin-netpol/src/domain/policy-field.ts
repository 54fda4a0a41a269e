// Parsers for one field of a policy: each throws INVALID_MANIFEST naming the object and the field path.
import type {LabelSelector, LabelSelectorObject} from '@kubeline/core'
import {labelSelectorFromObject} from '@kubeline/core'
import type {Cidr} from './cidr.js'
import {parseCidrOrProblem} from './cidr.js'
import type {PolicyRef} from './policy-ref.js'
import {invalidPolicy} from './policy-ref.js'

export function policyPortNumber(ref: PolicyRef, path: string, port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) invalidPolicy(ref, path, `${String(port)} must be an integer between 1 and 65535`)
}

export function policyCidr(ref: PolicyRef, path: string, text: string): Cidr {
  const parsed = parseCidrOrProblem(text)
  return typeof parsed === 'string' ? invalidPolicy(ref, path, `invalid CIDR "${text}": ${parsed}`) : parsed
}

/** A label selector from a policy field; selector errors are re-reported with the object and field. */
export function policySelector(ref: PolicyRef, path: string, object: LabelSelectorObject | null | undefined): LabelSelector {
  try {
    return labelSelectorFromObject(object)
  } catch (error) {
    return invalidPolicy(ref, path, error instanceof Error ? error.message : String(error))
  }
}
