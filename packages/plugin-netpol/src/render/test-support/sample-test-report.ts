// One report with a pass, a fail (with awkward characters in its name) and an error, for the renderer tests.
import {evaluateTraffic} from '../../domain/evaluate-traffic.js'
import type {NetpolTestReport} from '../../domain/netpol-test-report.js'
import {cluster, networkPolicy, pod} from '../../domain/test-support/cluster-builders.js'

const state = cluster({
  pods: [pod('x/a', {pod: 'a'}, '10.0.0.1'), pod('x/b', {pod: 'b'}, '10.0.0.2')],
  networkPolicies: [networkPolicy('x/deny-b', {podSelector: {matchLabels: {pod: 'b'}}, policyTypes: ['Ingress']})],
})
const traffic = (from: string, to: string) => ({source: {namespace: 'x', name: from}, destination: {namespace: 'x', name: to}, port: 80, protocol: 'TCP' as const})

export const SAMPLE_REPORT: NetpolTestReport = {
  suites: [
    {
      name: 'shop',
      source: 'tests.yaml:1',
      cases: [
        {name: 'b reaches a', from: 'x/b', to: 'x/a', port: 80, protocol: 'TCP', expect: 'allow', status: 'pass', verdict: evaluateTraffic(state, traffic('b', 'a'))},
        {name: 'a <reaches> "b" & #1', from: 'x/a', to: 'x/b', port: 80, protocol: 'TCP', expect: 'allow', status: 'fail', verdict: evaluateTraffic(state, traffic('a', 'b'))},
        {name: 'ghost', from: 'x/ghost', to: 'x/b', port: 80, protocol: 'TCP', expect: 'deny', status: 'error', error: 'pod "ghost" not found in namespace "x"'},
      ],
    },
  ],
}

/** The same cases as `run --probe` reports them: b -> a denied live, a -> b connected live, ghost never probed. */
export const PROBED_REPORT: NetpolTestReport = {
  suites: [
    {
      name: 'shop',
      source: 'tests.yaml:1',
      cases: [
        {...(SAMPLE_REPORT.suites[0]?.cases[0] as NetpolTestReport['suites'][0]['cases'][0]), status: 'fail', live: {result: 'deny', message: 'TIMEOUT', attempts: 2}},
        {...(SAMPLE_REPORT.suites[0]?.cases[1] as NetpolTestReport['suites'][0]['cases'][0]), live: {result: 'allow', message: 'OK', attempts: 1}},
        {...(SAMPLE_REPORT.suites[0]?.cases[2] as NetpolTestReport['suites'][0]['cases'][0]), live: {result: 'error', message: 'pod "ghost" not found in namespace "x"', attempts: 1}},
      ],
    },
  ],
}
