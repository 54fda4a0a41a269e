/** Most severe first: `--fail-on` fails on its level and every level before it. */
export const SEVERITIES = ['error', 'warning', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The stable code of each lint rule and its severity (docs/netpol-test.md, "lint"). */
export const LINT_RULES = {
  IPBLOCK_EXCEPT_OUTSIDE_CIDR: 'error',
  POLICY_SELECTS_NO_PODS: 'warning',
  PEER_MATCHES_NO_PODS: 'warning',
  NAMED_PORT_UNRESOLVED: 'warning',
  NO_DEFAULT_DENY_INGRESS: 'warning',
  NO_DEFAULT_DENY_EGRESS: 'info',
  POD_NOT_COVERED: 'info',
} as const satisfies Record<string, Severity>

export type LintCode = keyof typeof LINT_RULES

/** What a finding is about: a policy (any kind), a namespace or a pod. */
export interface LintObject {
  kind: string
  name: string
  namespace?: string
}

export interface LintFinding {
  severity: Severity
  code: LintCode
  object: LintObject
  /** The field of the object, when the finding is about one (`spec.ingress[0].from[1]`). */
  path?: string
  message: string
}

export function lintFinding(code: LintCode, object: LintObject, message: string, path?: string): LintFinding {
  return {severity: LINT_RULES[code], code, object, ...(path === undefined ? {} : {path}), message}
}

/** Whether a finding's severity is at or above a threshold. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold)
}
