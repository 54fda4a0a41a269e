import {UsageError, kubeconfigContextNames} from '@kubeline/core'

export interface ContextChoice {
  /** --context, repeatable. */
  contexts?: readonly string[]
  allContexts: boolean
  kubeconfig?: string
  /** --cluster / --user: they pick one cluster or user, so they only make sense with one context. */
  cluster?: string
  user?: string
  /** -f: plan mode checks one cluster. */
  planMode: boolean
}

/**
 * The contexts a run reads: each --context once, in the order given; every context of the
 * kubeconfig for --all-contexts (sorted); [] for the current context. Checked before any
 * request, so a bad combination or an unknown context among several exits 2.
 */
export function contextsToReport(choice: ContextChoice, env: NodeJS.ProcessEnv = process.env): string[] {
  const contexts = choice.allContexts ? kubeconfigContextNames({kubeconfig: choice.kubeconfig}, env) : [...new Set(choice.contexts ?? [])]
  if (choice.allContexts && contexts.length === 0) {
    throw new UsageError('NO_CONTEXT', '--all-contexts: the kubeconfig has no contexts', {fix: 'Pass --kubeconfig or set KUBECONFIG to files that define contexts.'})
  }
  if (contexts.length > 1 && !choice.allContexts) {
    const known = new Set(kubeconfigContextNames({kubeconfig: choice.kubeconfig}, env))
    const unknown = contexts.find((context) => !known.has(context))
    if (unknown !== undefined) {
      throw new UsageError('NO_CONTEXT', `context "${unknown}" not found in the kubeconfig`, {fix: `Choose among: ${[...known].join(', ')}.`})
    }
  }
  if (contexts.length > 1 && choice.planMode) {
    throw new UsageError('INVALID_FLAG', 'plan mode (-f) checks one cluster: give at most one --context', {fix: 'Run it once per context.'})
  }
  if (contexts.length > 1 && (choice.cluster !== undefined || choice.user !== undefined)) {
    throw new UsageError('INVALID_FLAG', '--cluster and --user choose one cluster or user: they cannot be combined with several contexts', {
      fix: 'Drop --cluster/--user, or give a single --context.',
    })
  }
  return contexts
}
