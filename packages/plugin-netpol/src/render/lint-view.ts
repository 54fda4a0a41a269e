import {kubelineDocument} from '@kubeline/core'
import type {ResultView} from '@kubeline/core'
import type {LintFinding, LintObject, Severity} from '../domain/lint-finding.js'
import {SEVERITIES} from '../domain/lint-finding.js'

/** `--fail-on`: a severity, or `none` to never fail. */
export type FailOn = Severity | 'none'

/** `lint`: one row per finding. JSON kind NetpolLintReport (docs/netpol-test.md). */
export function lintView(findings: readonly LintFinding[], failOn: FailOn, failed: boolean): ResultView<LintFinding> {
  const summary = Object.fromEntries(SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length]))
  return {
    document: kubelineDocument('NetpolLintReport', {failOn, failed, summary, findings}),
    table: {
      columns: [
        {header: 'SEVERITY', value: (finding) => finding.severity},
        {header: 'CODE', value: (finding) => finding.code},
        {header: 'OBJECT', value: (finding) => lintObjectName(finding.object)},
        {header: 'FIELD', value: (finding) => finding.path ?? '', wide: true},
        {header: 'MESSAGE', value: (finding) => finding.message},
      ],
      rows: [...findings],
    },
  }
}

/** One word for awk: `NetworkPolicy/x/allow-web`, `Namespace/x`, `AdminNetworkPolicy/guard`. */
export function lintObjectName(object: LintObject): string {
  return [object.kind, ...(object.namespace === undefined ? [] : [object.namespace]), object.name].join('/')
}
