import type {NamespaceReport} from './quota-report.js'

export interface UnconstrainedNamespace {
  context: string
  namespace: string
  missing: ('ResourceQuota' | 'LimitRange')[]
}

/** What one context contributed to the report. */
export interface ContextReport {
  context: string
  /** The namespace asked for, or null across namespaces. */
  namespace: string | null
  namespaces: NamespaceReport[]
  /** Across namespaces only: namespaces without a ResourceQuota or a LimitRange. */
  unconstrained: UnconstrainedNamespace[]
}

/** A context that could not be read: unreachable, credentials rejected, forbidden, timed out. */
export interface ContextError {
  context: string
  /** The kubeline error code (docs/errors.md): UNREACHABLE, UNAUTHORIZED, FORBIDDEN, TIMEOUT, TLS, ... */
  code: string
  /** Why, in the API server's or the network's words; never credentials. */
  message: string
}

export type ContextOutcome = {context: string; report: ContextReport} | {context: string; error: ContextError}

/** The QuotaReport document's data: one report across every context asked for. */
export interface QuotaReport {
  /** The context, when exactly one was asked for; null for a fleet. */
  context: string | null
  /** Every context asked for, in order, including the ones that failed. */
  contexts: string[]
  /** The namespace every context reported on, or null when the report spans several. */
  namespace: string | null
  namespaces: NamespaceReport[]
  unconstrained: UnconstrainedNamespace[]
  errors: ContextError[]
}

/**
 * One report from the outcomes of each context, in the order the contexts were asked for:
 * namespaces and unconstrained namespaces tagged with their context, failures listed
 * beside the results of the contexts that answered (never hiding them).
 */
export function mergeContextReports(outcomes: readonly ContextOutcome[]): QuotaReport {
  const reports = outcomes.flatMap((outcome) => ('report' in outcome ? [outcome.report] : []))
  return {
    context: outcomes.length === 1 ? (outcomes[0] as ContextOutcome).context : null,
    contexts: outcomes.map((outcome) => outcome.context),
    namespace: sharedNamespace(reports),
    namespaces: reports.flatMap((report) => report.namespaces),
    unconstrained: reports.flatMap((report) => report.unconstrained),
    errors: outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : [])),
  }
}

/** Contexts without -n each report their own default namespace: only one shared by all is "the" namespace. */
function sharedNamespace(reports: readonly ContextReport[]): string | null {
  const namespaces = new Set(reports.map((report) => report.namespace))
  const [only] = namespaces
  return namespaces.size === 1 && only !== undefined ? only : null
}
