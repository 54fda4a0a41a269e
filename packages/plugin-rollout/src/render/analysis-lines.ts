import type {ReleaseStatus} from '../domain/release-status.js'

/** The analysis part of `status`: failures against the limit, then the latest round, one gate a line. */
export function analysisLines(status: ReleaseStatus): string[] {
  const {analysis} = status
  if (!analysis) return []
  const head = `  analysis: ${status.analysisFailures} of ${analysis.failureLimit} failed rounds allowed`
  if (!analysis.last) return [`${head}; no round yet (gates: ${analysis.gates.join('; ')})`]
  const {last} = analysis
  return [
    `${head}; last round ${last.passed ? 'passed' : 'failed'} at step ${last.step + 1}, ${last.at.toISOString()}`,
    ...last.results.map((result) => `    ${result.passed ? 'pass' : 'FAIL'}  ${result.gate}: ${result.reason}`),
  ]
}
