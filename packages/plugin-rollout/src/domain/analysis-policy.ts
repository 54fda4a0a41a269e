import {parseNonNegativeDuration, UsageError} from '@kubeline/core'
import type {AnalysisGate} from './analysis-gates.js'
import {requireThresholds} from './analysis-verdict.js'
import type {AnalysisPolicy} from './release-state.js'

/** The analysis flags of `start`, as typed; undefined when not given. */
export interface AnalysisFlagValues {
  prometheus?: string
  query?: string
  min?: string
  max?: string
  failureLimit?: number
  interval?: string
  check?: string[]
  analysisTimeout?: string
}

export const DEFAULT_FAILURE_LIMIT = 1
export const DEFAULT_ANALYSIS_INTERVAL = '1m'
export const DEFAULT_ANALYSIS_TIMEOUT = '30s'

/**
 * The analysis policy of `start`'s flags, or undefined when no gate is asked for. A failure limit of 1
 * (the default) aborts at the first failed round, as Argo's default failureLimit 0 does. Every problem
 * is a usage error (exit 2), raised before anything is written.
 */
export function analysisPolicyFromFlags(flags: AnalysisFlagValues): AnalysisPolicy | undefined {
  const gates = [...prometheusGates(flags), ...checkGates(flags)]
  if (gates.length === 0) {
    const stray = (['failureLimit', 'interval', 'analysisTimeout'] as const).find((name) => flags[name] !== undefined)
    if (stray) throw new UsageError('INVALID_FLAG', `${flagName(stray)} needs a gate: --prometheus with --query, or --check`)
    return undefined
  }
  const failureLimit = flags.failureLimit ?? DEFAULT_FAILURE_LIMIT
  requireThresholds({min: 0, failureLimit})
  return {failureLimit, intervalMs: parseNonNegativeDuration(flags.interval ?? DEFAULT_ANALYSIS_INTERVAL, '--interval'), gates}
}

function prometheusGates(flags: AnalysisFlagValues): AnalysisGate[] {
  const {prometheus: url, query} = flags
  if (url === undefined && query === undefined) {
    const stray = (['min', 'max'] as const).find((name) => flags[name] !== undefined)
    if (stray) throw new UsageError('INVALID_FLAG', `--${stray} needs --prometheus and --query`)
    return []
  }
  if (url === undefined) throw new UsageError('INVALID_FLAG', '--query needs --prometheus URL (the Prometheus server to ask)')
  if (query === undefined || query.trim() === '') throw new UsageError('INVALID_FLAG', '--prometheus needs --query PROMQL (a non-empty instant query)')
  const min = threshold(flags.min, '--min')
  const max = threshold(flags.max, '--max')
  requireThresholds({min, max, failureLimit: DEFAULT_FAILURE_LIMIT})
  return [{kind: 'prometheus', url: prometheusUrl(url), query, ...(min === undefined ? {} : {min}), ...(max === undefined ? {} : {max}), timeoutMs: gateTimeout(flags)}]
}

function checkGates(flags: AnalysisFlagValues): AnalysisGate[] {
  return (flags.check ?? []).map((command) => {
    if (command.trim() === '') throw new UsageError('INVALID_FLAG', 'invalid --check "": give a command to run, such as --check "./smoke-test.sh"')
    return {kind: 'check', command, timeoutMs: gateTimeout(flags)}
  })
}

function gateTimeout(flags: AnalysisFlagValues): number {
  const timeoutMs = parseNonNegativeDuration(flags.analysisTimeout ?? DEFAULT_ANALYSIS_TIMEOUT, '--analysis-timeout')
  if (timeoutMs === 0) throw new UsageError('INVALID_FLAG', 'invalid --analysis-timeout 0: a gate needs a time limit, such as 30s')
  return timeoutMs
}

function threshold(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError('INVALID_FLAG', `invalid ${flag} "${text}": not a number`)
  return value
}

/**
 * An http(s) base URL without credentials (it is stored in an annotation that anyone who can read the
 * Deployment sees) and without a query string or fragment, which the query endpoint URL would drop.
 */
function prometheusUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError('INVALID_FLAG', `invalid --prometheus "${text}": not a URL such as http://prometheus.monitoring:9090`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('INVALID_FLAG', `invalid --prometheus "${text}": only http and https are supported`)
  if (url.username !== '' || url.password !== '') {
    throw new UsageError('INVALID_FLAG', 'invalid --prometheus URL: it carries credentials, which would be stored in an annotation', {
      fix: 'Reach Prometheus without credentials in the URL, for example through an in-cluster Service.',
    })
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UsageError('INVALID_FLAG', 'invalid --prometheus URL: a query string or fragment is not sent to Prometheus (queries go to URL/api/v1/query)', {
      fix: 'Give the server\'s base URL, such as http://prometheus.monitoring:9090 (a path prefix is kept).',
    })
  }
  return url.toString()
}

function flagName(name: 'failureLimit' | 'interval' | 'analysisTimeout'): string {
  return {failureLimit: '--failure-limit', interval: '--interval', analysisTimeout: '--analysis-timeout'}[name]
}
