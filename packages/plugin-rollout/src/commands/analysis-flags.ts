import {Flags} from '@oclif/core'
import {DEFAULT_ANALYSIS_INTERVAL, DEFAULT_ANALYSIS_TIMEOUT, DEFAULT_FAILURE_LIMIT} from '../domain/analysis-policy.js'

/** `start`'s analysis gates; checked by analysisPolicyFromFlags (exit 2 on any problem, nothing written). */
export const analysisFlags = {
  prometheus: Flags.string({description: 'Prometheus server URL for the --query gate, e.g. http://prometheus.monitoring:9090.', helpGroup: 'ANALYSIS'}),
  query: Flags.string({description: 'PromQL instant query run before each next step and before the promotion; no value or NaN fails.', helpGroup: 'ANALYSIS'}),
  min: Flags.string({description: 'The query passes at this value or above.', helpGroup: 'ANALYSIS'}),
  max: Flags.string({description: 'The query passes at this value or below.', helpGroup: 'ANALYSIS'}),
  check: Flags.string({description: 'A command run by /bin/sh as a gate (a smoke test): exit 0 passes; its output goes to stderr. Repeatable.', multiple: true, helpGroup: 'ANALYSIS'}),
  'failure-limit': Flags.integer({description: `Failed analysis rounds before the release aborts (exit 3). Default ${DEFAULT_FAILURE_LIMIT}.`, helpGroup: 'ANALYSIS'}),
  interval: Flags.string({description: `Time between analysis rounds after a failed one. Default ${DEFAULT_ANALYSIS_INTERVAL}.`, helpGroup: 'ANALYSIS'}),
  'analysis-timeout': Flags.string({description: `Time limit of each query or check; past it the gate fails. Default ${DEFAULT_ANALYSIS_TIMEOUT}.`, helpGroup: 'ANALYSIS'}),
}
