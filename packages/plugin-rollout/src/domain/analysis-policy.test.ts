import {describe, expect, test} from 'vitest'
import {analysisPolicyFromFlags} from './analysis-policy.js'
import type {AnalysisFlagValues} from './analysis-policy.js'

const url = 'http://prometheus.monitoring:9090'

describe('analysisPolicyFromFlags', () => {
  test.each<{name: string; flags: AnalysisFlagValues; want: unknown}>([
    {name: 'no gate: no policy', flags: {}, want: undefined},
    {name: 'a Prometheus gate with defaults (limit 1, interval 1m, timeout 30s)', flags: {prometheus: url, query: 'success_ratio', min: '0.99'},
      want: {failureLimit: 1, intervalMs: 60_000, gates: [{kind: 'prometheus', url: `${url}/`, query: 'success_ratio', min: 0.99, timeoutMs: 30_000}]}},
    {name: 'min and max, limit and interval', flags: {prometheus: `${url}/prom`, query: 'latency', min: '0', max: '0.5', failureLimit: 3, interval: '10s'},
      want: {failureLimit: 3, intervalMs: 10_000, gates: [{kind: 'prometheus', url: `${url}/prom`, query: 'latency', min: 0, max: 0.5, timeoutMs: 30_000}]}},
    {name: 'min equal to max', flags: {prometheus: url, query: 'q', min: '1', max: '1'}, want: {gates: [{min: 1, max: 1}]}},
    {name: 'negative and exponent thresholds', flags: {prometheus: url, query: 'q', min: '-1e3', max: '2.5e-1'}, want: {gates: [{min: -1000, max: 0.25}]}},
    {name: 'checks only, each with the timeout', flags: {check: ['./smoke.sh', 'curl -fsS http://web-canary/healthz'], analysisTimeout: '5s'},
      want: {failureLimit: 1, gates: [{kind: 'check', command: './smoke.sh', timeoutMs: 5000}, {kind: 'check', command: 'curl -fsS http://web-canary/healthz', timeoutMs: 5000}]}},
    {name: 'Prometheus first, then checks', flags: {check: ['true'], prometheus: url, query: 'q', max: '1'}, want: {gates: [{kind: 'prometheus'}, {kind: 'check'}]}},
    {name: 'interval 0: check again at once', flags: {check: ['true'], interval: '0'}, want: {intervalMs: 0}},
  ])('$name', ({flags, want}) => {
    const policy = analysisPolicyFromFlags(flags)
    if (want === undefined) expect(policy).toBeUndefined()
    else expect(policy).toMatchObject(want as object)
  })

  test.each<{name: string; flags: AnalysisFlagValues; message: string}>([
    {name: '--query without --prometheus', flags: {query: 'up', min: '1'}, message: '--query needs --prometheus URL (the Prometheus server to ask)'},
    {name: '--prometheus without --query', flags: {prometheus: url, min: '1'}, message: '--prometheus needs --query PROMQL (a non-empty instant query)'},
    {name: 'empty query', flags: {prometheus: url, query: ' ', min: '1'}, message: '--prometheus needs --query PROMQL (a non-empty instant query)'},
    {name: 'no range', flags: {prometheus: url, query: 'up'}, message: 'an analysis needs --min or --max (or both)'},
    {name: 'min above max', flags: {prometheus: url, query: 'up', min: '2', max: '1'}, message: 'invalid range: --min 2 is above --max 1'},
    {name: '--min alone', flags: {min: '1'}, message: '--min needs --prometheus and --query'},
    {name: '--max with only a check', flags: {max: '1', check: ['true']}, message: '--max needs --prometheus and --query'},
    {name: 'min not a number', flags: {prometheus: url, query: 'up', min: 'high'}, message: 'invalid --min "high": not a number'},
    {name: 'max empty', flags: {prometheus: url, query: 'up', max: ''}, message: 'invalid --max "": not a number'},
    {name: 'max Infinity', flags: {prometheus: url, query: 'up', max: 'Infinity'}, message: 'invalid --max "Infinity": not a number'},
    {name: 'failure limit 0', flags: {check: ['true'], failureLimit: 0}, message: 'invalid --failure-limit 0: must be a whole number, 1 or more'},
    {name: 'failure limit without a gate', flags: {failureLimit: 3}, message: '--failure-limit needs a gate: --prometheus with --query, or --check'},
    {name: 'interval without a gate', flags: {interval: '1s'}, message: '--interval needs a gate: --prometheus with --query, or --check'},
    {name: 'timeout without a gate', flags: {analysisTimeout: '1s'}, message: '--analysis-timeout needs a gate: --prometheus with --query, or --check'},
    {name: 'bad interval', flags: {check: ['true'], interval: 'often'}, message: '--interval'},
    {name: 'analysis timeout 0', flags: {check: ['true'], analysisTimeout: '0'}, message: 'invalid --analysis-timeout 0: a gate needs a time limit, such as 30s'},
    {name: 'empty check', flags: {check: ['']}, message: 'invalid --check "": give a command to run'},
    {name: 'not a URL', flags: {prometheus: 'prometheus monitoring', query: 'up', min: '1'}, message: 'invalid --prometheus "prometheus monitoring": not a URL'},
    {name: 'host:port without a scheme', flags: {prometheus: 'prometheus:9090', query: 'up', min: '1'}, message: 'invalid --prometheus "prometheus:9090": only http and https are supported'},
    {name: 'not http', flags: {prometheus: 'ftp://prometheus', query: 'up', min: '1'}, message: 'invalid --prometheus "ftp://prometheus": only http and https are supported'},
    {name: 'credentials in the URL', flags: {prometheus: 'https://admin:s3cret@prometheus', query: 'up', min: '1'}, message: 'invalid --prometheus URL: it carries credentials'},
    // The query goes to URL/api/v1/query: a query string or fragment would be silently dropped (and stored in an annotation).
    {name: 'a query string', flags: {prometheus: 'http://prometheus:9090/?token=s3cret', query: 'up', min: '1'}, message: 'invalid --prometheus URL: a query string or fragment is not sent to Prometheus'},
    {name: 'a fragment', flags: {prometheus: 'http://prometheus:9090/#main', query: 'up', min: '1'}, message: 'invalid --prometheus URL: a query string or fragment is not sent to Prometheus'},
  ])('$name: exit 2', ({flags, message}) => {
    expect(() => analysisPolicyFromFlags(flags)).toThrow(message)
    expect(() => analysisPolicyFromFlags(flags)).toThrow(expect.objectContaining({exitCode: 2}))
  })

  test.each(['https://admin:s3cret@prometheus', 'https://prometheus/?token=s3cret'])('the credentials never appear in the message: %s', (prometheus) => {
    expect(() => analysisPolicyFromFlags({prometheus, query: 'up', min: '1'})).toThrow(expect.not.objectContaining({message: expect.stringContaining('s3cret')}))
  })
})
