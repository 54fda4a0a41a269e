import type {QuotaReport} from '../domain/fleet-report.js'

export interface QuotaSummary {
  namespaces: number
  quotas: number
  ok: number
  warn: number
  full: number
  unknown: number
  /** Lines at or over --fail-at: what makes the exit code 3. */
  breached: number
  missingRequests: number
  drift: number
  unconstrained: number
}

/** The counts a CI gate or `jq .summary` looks at. */
export function quotaSummary(report: QuotaReport): QuotaSummary {
  const quotas = report.namespaces.flatMap((namespace) => namespace.quotas)
  const lines = quotas.flatMap((quota) => quota.lines)
  const count = (status: string) => lines.filter((line) => line.status === status).length
  return {
    namespaces: report.namespaces.length,
    quotas: quotas.length,
    ok: count('ok'),
    warn: count('warn'),
    full: count('full'),
    unknown: count('unknown'),
    breached: lines.filter((line) => line.breached).length,
    missingRequests: report.namespaces.reduce((sum, namespace) => sum + namespace.missingRequests.length, 0),
    drift: quotas.reduce((sum, quota) => sum + quota.drift.length, 0),
    unconstrained: report.unconstrained.length,
  }
}
