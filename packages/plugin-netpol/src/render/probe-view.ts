import {kubelineDocument, renderTable} from '@kubeline/core'
import type {ResultView, TableView} from '@kubeline/core'
import type {ProbeResult} from '../domain/live-probe.js'
import {mismatchReason, probeSummary} from '../domain/live-probe.js'
import type {ProbeStrategy} from '../services/prober.js'

/** `probe`: a row per connection (policies vs network), then why each disagreement may be; JSON kind ProbeReport. */
export function probeView(via: ProbeStrategy, results: readonly ProbeResult[]): ResultView<never> {
  const summary = probeSummary(results)
  return {
    document: kubelineDocument('ProbeReport', {via, summary, results}),
    text: () => {
      const notes = noteLines(results)
      const line = `${summary.probes} probes via ${via}: ${summary.agree} agree, ${summary.mismatch} mismatch, ${summary.errors} errored`
      if (results.length === 0) return line
      return [renderTable(resultsTable(results)).trimEnd(), ...(notes.length > 0 ? ['', ...notes] : []), '', line].join('\n')
    },
  }
}

function resultsTable(rows: readonly ProbeResult[]): TableView<ProbeResult> {
  return {
    columns: [
      {header: 'Status', value: (result) => result.status.toUpperCase()},
      {header: 'From', value: (result) => result.from},
      {header: 'To', value: (result) => (result.to === result.address || result.address === '' ? result.to : `${result.to} (${result.address})`)},
      {header: 'Port', value: (result) => `${result.protocol}/${result.port}`},
      {header: 'Policies', value: (result) => result.expected.toUpperCase()},
      {header: 'Live', value: (result) => (result.live.result === 'error' ? 'ERROR' : `${result.live.result.toUpperCase()} (${result.live.message})`)},
    ],
    rows: [...rows],
  }
}

/** Disagreements and errors grouped by what they mean, each reason once with its connections under it. */
function noteLines(results: readonly ProbeResult[]): string[] {
  const groups = new Map<string, string[]>()
  for (const result of results) {
    if (result.status === 'agree') continue
    const heading = result.status === 'error' ? `ERROR: ${result.live.message}` : `MISMATCH: ${mismatchReason(result)}`
    groups.set(heading, [...(groups.get(heading) ?? []), `  ${result.from} -> ${result.to} ${result.protocol}/${result.port}`])
  }
  return [...groups].flatMap(([heading, connections], index) => [...(index > 0 ? [''] : []), heading, ...connections])
}
