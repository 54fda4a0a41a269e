import {parse} from 'yaml'
import {describe, expect, test} from 'vitest'
import {KUBELINE_API_VERSION, kubelineDocument} from './kubeline-document.js'
import {toJson} from './to-json.js'
import {toYaml} from './to-yaml.js'

const report = kubelineDocument('QuotaReport', {summary: {namespaces: 2}, lines: [{resource: 'cpu', used: '1500m', usedMillicores: 1500}]})

describe('kubelineDocument', () => {
  test('puts apiVersion and kind first', () => {
    expect(Object.keys(report)).toEqual(['apiVersion', 'kind', 'summary', 'lines'])
    expect(report.apiVersion).toBe('kubeline.dev/v1alpha1')
    expect(KUBELINE_API_VERSION).toBe('kubeline.dev/v1alpha1')
  })
})

describe('toJson', () => {
  test('indents by two spaces and ends with a newline', () => {
    expect(toJson({a: [1], b: 'x'})).toBe('{\n  "a": [\n    1\n  ],\n  "b": "x"\n}\n')
  })
})

describe('toYaml', () => {
  test('prints block YAML', () => {
    expect(toYaml(report)).toBe(
      [
        'apiVersion: kubeline.dev/v1alpha1',
        'kind: QuotaReport',
        'summary:',
        '  namespaces: 2',
        'lines:',
        '  - resource: cpu',
        '    used: 1500m',
        '    usedMillicores: 1500',
        '',
      ].join('\n'),
    )
  })

  test.each(['yes', 'on', 'y', 'NO', '0755', '1:20', 'null', '12'])('quotes "%s" so a YAML 1.1 reader keeps it a string', (value) => {
    const text = toYaml({value})
    expect(text).not.toBe(`value: ${value}\n`)
    expect(parse(text, {version: '1.1'})).toEqual({value})
  })

  test('repeats shared objects instead of emitting anchors, and never folds long lines', () => {
    const shared = {app: 'web'}
    const text = toYaml({a: shared, b: shared, long: 'x '.repeat(100).trim()})
    expect(text).not.toMatch(/[&*]/)
    expect(text.split('\n')).toHaveLength(6)
  })
})
