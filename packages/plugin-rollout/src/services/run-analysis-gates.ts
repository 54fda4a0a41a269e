import {analysisRound, checkGateResult, gateLabel, prometheusGateResult} from '../domain/analysis-gates.js'
import type {AnalysisGate, AnalysisRecord, GateResult} from '../domain/analysis-gates.js'
import type {ReleaseState} from '../domain/release-state.js'
import {queryPrometheus} from './prometheus-query.js'
import {runCheckCommand} from './run-check-command.js'

/** What a `--check` command learns about the release, in its environment. */
export interface GateContext {
  namespace: string
  deployment: string
}

/**
 * One analysis round: every gate of the release, in order (all of them, so that status shows each
 * result), reported on stderr. The round is recorded by the driver in the same write as its outcome.
 */
export async function runAnalysisGates(state: ReleaseState, context: GateContext, onProgress: (line: string) => void): Promise<AnalysisRecord> {
  const results: GateResult[] = []
  for (const gate of state.analysis?.gates ?? []) {
    onProgress(`analysis: running ${gateLabel(gate)}`)
    const result = await runGate(gate, state, context)
    onProgress(`analysis: ${result.passed ? 'passed' : 'failed'}: ${result.gate}: ${result.reason}`)
    results.push(result)
  }
  return analysisRound(results, state.stepIndex, new Date())
}

async function runGate(gate: AnalysisGate, state: ReleaseState, context: GateContext): Promise<GateResult> {
  if (gate.kind === 'prometheus') return prometheusGateResult(gate, await queryPrometheus(gate.url, gate.query, gate.timeoutMs))
  const env = {
    KUBELINE_NAMESPACE: context.namespace,
    KUBELINE_DEPLOYMENT: context.deployment,
    KUBELINE_CANARY: state.canaryName,
    KUBELINE_WEIGHT: String(state.desiredWeight),
    KUBELINE_STEP: String(state.stepIndex + 1),
  }
  return checkGateResult(gate, await runCheckCommand(gate.command, gate.timeoutMs, env))
}
