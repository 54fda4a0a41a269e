import {KubelineError, readManifests} from '@kubeline/core'
import type {KubeClient} from '@kubeline/core'
import type {AddresslessPeer} from '../domain/addressless-peers.js'
import {addresslessIpBlockPeers} from '../domain/addressless-peers.js'
import {compileCluster} from '../domain/compiled-cluster.js'
import type {CompiledCluster} from '../domain/compiled-cluster.js'
import type {EndpointRef, EvaluationOptions} from '../domain/evaluate-traffic.js'
import {evaluateTraffic, resolvedOptions} from '../domain/evaluate-traffic.js'
import type {ProbeResult} from '../domain/live-probe.js'
import type {NetpolTestReport, TestCaseResult} from '../domain/netpol-test-report.js'
import {testCaseStatus} from '../domain/netpol-test-report.js'
import type {AddressOfPods, EndpointPlace} from './addresses-of-pods.js'
import {addressesOfPods} from './addresses-of-pods.js'
import type {EndpointSpec} from './endpoint-spec.js'
import type {ClusterSource, LoadedCluster} from './load-cluster.js'
import {loadCluster} from './load-cluster.js'
import type {NetpolTestCase, NetpolTestSuite} from './parse-test-suite.js'
import {parseTestSuite} from './parse-test-suite.js'
import {planProbe} from './plan-probes.js'
import type {PlannedProbe} from './probe-connections.js'
import {probeConnections} from './probe-connections.js'
import type {MakeProber} from './probe-connectivity.js'
import {liveSource} from './probe-connectivity.js'
import {resolveConnection} from './resolve-endpoint.js'

/** Reads suites (a file, a directory of them, or - for stdin), every document a NetpolTestSuite. */
export async function readTestSuites(path: string): Promise<NetpolTestSuite[]> {
  return (await readManifests([path])).map(parseTestSuite)
}

/** A case checked against the policies, with the endpoints it resolved to (absent when one does not exist). */
interface CheckedCase {
  testCase: NetpolTestCase
  result: TestCaseResult
  refs?: {source: EndpointRef; destination: EndpointRef}
}

export interface TestSuitesRun {
  report: NetpolTestReport
  /** The cases' `ip:` endpoints that are addresses of pods, as check warns about them (not part of the report). */
  addressesOfPods: AddressOfPods[]
  /** Pods without an IP that a case's denied direction's ipBlock rules could not be matched against (as check warns). */
  addresslessPeers: {peer: AddresslessPeer; testCase: string; suite: string}[]
}

/**
 * `run`: every case checked statically, as `check` does, against one load of the cluster (policies
 * compiled once). A case whose pod or workload does not exist is an `error` result, so one
 * renamed Deployment does not hide the other cases of a CI report. With a prober (`--probe`), each
 * case is also probed live, and passes only when the policies and the network both do as expected.
 */
export async function runTestSuites(source: ClusterSource, suites: readonly NetpolTestSuite[], options: EvaluationOptions, makeProber?: MakeProber): Promise<TestSuitesRun> {
  const cluster = await loadCluster(makeProber === undefined ? source : liveSource(source))
  const checked = await checkSuites(cluster, suites, options)
  if (makeProber !== undefined && cluster.kube !== undefined) {
    const planned = checked.flat().map((item) => plannedFor(cluster, item, item.testCase.expect))
    const live = await probeConnections(makeProber(cluster.kube), planned)
    checked.flat().forEach((item, index) => withLive(item.result, live[index] as ProbeResult))
  }
  const report = {suites: suites.map((suite, index) => ({name: suite.name, source: suite.source, cases: (checked[index] ?? []).map((item) => item.result)}))}
  const addresslessPeers = suites.flatMap((suite, index) =>
    (checked[index] ?? []).flatMap(({testCase, result}) =>
      result.verdict === undefined ? [] : addresslessIpBlockPeers(cluster.state, result.verdict, resolvedOptions(options)).map((peer) => ({peer, testCase: testCase.name, suite: suite.name})),
    ),
  )
  return {report, addressesOfPods: addressesOfPods(cluster.state.pods, suites.flatMap(caseEndpoints)), addresslessPeers}
}

/** Each case's `from` and `to`, with where it was written. */
function caseEndpoints(suite: NetpolTestSuite): {place: EndpointPlace; spec: EndpointSpec}[] {
  return suite.cases.flatMap(({name, fromSpec, toSpec}) => [
    {place: {field: 'from', testCase: name, suite: suite.name}, spec: fromSpec},
    {place: {field: 'to', testCase: name, suite: suite.name}, spec: toSpec},
  ])
}

/** `probe SUITE`: every case probed live and compared with the policies' verdict (not with `expect`). */
export async function probeTestSuites(source: ClusterSource, suites: readonly NetpolTestSuite[], options: EvaluationOptions, makeProber: MakeProber): Promise<ProbeResult[]> {
  const cluster = await loadCluster(liveSource(source))
  const checked = (await checkSuites(cluster, suites, options)).flat()
  const planned = checked.map((item) => plannedFor(cluster, item, item.result.verdict?.allowed === false ? 'deny' : 'allow'))
  return await probeConnections(makeProber(cluster.kube as KubeClient), planned)
}

async function checkSuites(cluster: LoadedCluster, suites: readonly NetpolTestSuite[], options: EvaluationOptions): Promise<CheckedCase[][]> {
  const compiled = compileCluster(cluster.state, options)
  const checked: CheckedCase[][] = []
  for (const suite of suites) {
    const cases: CheckedCase[] = []
    for (const testCase of suite.cases) cases.push(await checkCase(cluster, compiled, testCase, options))
    checked.push(cases)
  }
  return checked
}

async function checkCase(cluster: LoadedCluster, compiled: CompiledCluster, testCase: NetpolTestCase, options: EvaluationOptions): Promise<CheckedCase> {
  const {name, from, to, port, protocol, expect} = testCase
  const written = {name, from, to, port, protocol, expect}
  try {
    const [source, destination] = await resolveConnection(cluster, testCase.fromSpec, testCase.toSpec)
    const verdict = evaluateTraffic(compiled, {source, destination, port, protocol}, options)
    return {testCase, result: {...written, status: testCaseStatus(expect, verdict), verdict}, refs: {source, destination}}
  } catch (err) {
    if (err instanceof KubelineError && err.code === 'NOT_FOUND') return {testCase, result: {...written, status: 'error', error: err.message}}
    throw err
  }
}

function plannedFor(cluster: LoadedCluster, {testCase, result, refs}: CheckedCase, expected: 'allow' | 'deny'): PlannedProbe {
  const {from, to, port, protocol} = testCase
  if (refs === undefined) return {from, to, expected, target: {protocol, port, address: ''}, problem: result.error ?? 'no endpoint'}
  return planProbe(cluster, {from: {text: from, ref: refs.source}, to: {text: to, ref: refs.destination}, port, protocol, expected})
}

/** The live answer joins the static one: a case passes when both are what it expects. */
function withLive(result: TestCaseResult, probe: ProbeResult): void {
  result.live = probe.live
  if (result.status !== 'pass') return
  if (probe.live.result === 'error') {
    result.status = 'error'
    result.error = `probe: ${probe.live.message}`
  } else if (probe.live.result !== result.expect) result.status = 'fail'
}
