import {describe, expect, test} from 'vitest'
import {mergeContextReports} from './fleet-report.js'
import type {ContextError, ContextOutcome, ContextReport} from './fleet-report.js'
import type {NamespaceReport} from './quota-report.js'

const namespaceOf = (context: string, namespace: string): NamespaceReport => ({context, namespace, quotas: [], limitRanges: [], missingRequests: []})

function report(context: string, namespace: string | null, namespaces: string[], unconstrained: string[] = []): ContextOutcome {
  const data: ContextReport = {
    context,
    namespace,
    namespaces: namespaces.map((name) => namespaceOf(context, name)),
    unconstrained: unconstrained.map((name) => ({context, namespace: name, missing: ['ResourceQuota']})),
  }
  return {context, report: data}
}

const unreachable = (context: string): {context: string; error: ContextError} => ({context, error: {context, code: 'UNREACHABLE', message: 'unable to connect to the server at https://127.0.0.1:1: connection refused'}})

describe('mergeContextReports', () => {
  test('one context: its name and namespace, as a plain run', () => {
    expect(mergeContextReports([report('prod', 'payments', ['payments'])])).toEqual({
      context: 'prod',
      contexts: ['prod'],
      namespace: 'payments',
      namespaces: [namespaceOf('prod', 'payments')],
      unconstrained: [],
      errors: [],
    })
  })

  test('several contexts: rows in the order the contexts were asked for, each tagged, failures listed beside them', () => {
    const merged = mergeContextReports([
      report('west', null, ['payments', 'search'], ['sandbox']),
      unreachable('down'),
      report('east', null, ['payments'], ['playground']),
    ])
    expect(merged.context).toBeNull()
    expect(merged.contexts).toEqual(['west', 'down', 'east'])
    expect(merged.namespaces.map(({context, namespace}) => `${context}/${namespace}`)).toEqual(['west/payments', 'west/search', 'east/payments'])
    expect(merged.unconstrained.map(({context, namespace}) => `${context}/${namespace}`)).toEqual(['west/sandbox', 'east/playground'])
    expect(merged.errors).toEqual([unreachable('down').error])
  })

  test.each([
    {name: 'the same -n in every context', outcomes: [report('a', 'payments', ['payments']), report('b', 'payments', ['payments'])], want: 'payments'},
    {name: 'each context its own default namespace', outcomes: [report('a', 'payments', ['payments']), report('b', 'default', ['default'])], want: null},
    {name: 'across namespaces', outcomes: [report('a', null, []), report('b', null, [])], want: null},
    {name: 'a failed context does not change it', outcomes: [report('a', 'payments', ['payments']), unreachable('b')], want: 'payments'},
    {name: 'nothing was read', outcomes: [unreachable('a'), unreachable('b')], want: null},
  ])('namespace: $name', ({outcomes, want}) => expect(mergeContextReports(outcomes).namespace).toBe(want))
})
