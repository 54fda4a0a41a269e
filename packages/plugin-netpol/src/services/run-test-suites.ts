import {KubelineError, readManifests} from '@kubeline/core'
import {compileCluster} from '../domain/compiled-cluster.js'
import type {CompiledCluster} from '../domain/compiled-cluster.js'
import type {EvaluationOptions} from '../domain/evaluate-traffic.js'
import {evaluateTraffic} from '../domain/evaluate-traffic.js'
import type {NetpolTestReport, TestCaseResult} from '../domain/netpol-test-report.js'
import {testCaseStatus} from '../domain/netpol-test-report.js'
import type {ClusterSource, LoadedCluster} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import type {NetpolTestCase, NetpolTestSuite} from './parse-test-suite.js'
import {parseTestSuite} from './parse-test-suite.js'
import {resolveEndpoint} from './resolve-endpoint.js'

/** Reads suites (a file, a directory of them, or - for stdin), every document a NetpolTestSuite. */
export async function readTestSuites(path: string): Promise<NetpolTestSuite[]> {
  return (await readManifests([path])).map(parseTestSuite)
}

/**
 * `run`: every case checked statically, as `check` does, against one load of the cluster (policies
 * compiled once). A case whose pod or workload does not exist is an `error` result, so one
 * renamed Deployment does not hide the other cases of a CI report.
 */
export async function runTestSuites(source: ClusterSource, suites: readonly NetpolTestSuite[], options: EvaluationOptions): Promise<NetpolTestReport> {
  const cluster = await loadCluster(source)
  const compiled = compileCluster(cluster.state)
  const results = []
  for (const suite of suites) {
    const cases: TestCaseResult[] = []
    for (const testCase of suite.cases) cases.push(await runTestCase(cluster, compiled, testCase, options))
    results.push({name: suite.name, source: suite.source, cases})
  }
  return {suites: results}
}

async function runTestCase(cluster: LoadedCluster, compiled: CompiledCluster, testCase: NetpolTestCase, options: EvaluationOptions): Promise<TestCaseResult> {
  const {name, from, to, port, protocol, expect} = testCase
  const written = {name, from, to, port, protocol, expect}
  try {
    const [source, destination] = await Promise.all([resolveEndpoint(cluster, testCase.fromSpec), resolveEndpoint(cluster, testCase.toSpec)])
    const verdict = evaluateTraffic(compiled, {source, destination, port, protocol}, options)
    return {...written, status: testCaseStatus(expect, verdict), verdict}
  } catch (err) {
    if (err instanceof KubelineError && err.code === 'NOT_FOUND') return {...written, status: 'error', error: err.message}
    throw err
  }
}
