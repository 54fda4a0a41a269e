import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {KubelineError} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {contextsToReport} from './contexts-to-report.js'
import type {ContextChoice} from './contexts-to-report.js'

// JSON is YAML: a kubeconfig with three contexts.
const kubeconfig = join(mkdtempSync(join(tmpdir(), 'contexts-')), 'config')
writeFileSync(kubeconfig, JSON.stringify({apiVersion: 'v1', kind: 'Config', contexts: ['west', 'east', 'down'].map((name) => ({name, context: {cluster: name, user: name}}))}))
const env = {HOME: tmpdir()}
const choice = (extra: Partial<ContextChoice>): ContextChoice => ({allContexts: false, planMode: false, kubeconfig, ...extra})

function codeOf(extra: Partial<ContextChoice>): string | undefined {
  try {
    contextsToReport(choice(extra), env)
  } catch (err) {
    return err instanceof KubelineError ? err.code : String(err)
  }
  return undefined
}

describe('contextsToReport', () => {
  test.each([
    {name: 'no --context: the current context', extra: {}, want: []},
    {name: 'one --context', extra: {contexts: ['east']}, want: ['east']},
    {name: 'repeated --context, in the order given, once each', extra: {contexts: ['west', 'east', 'west']}, want: ['west', 'east']},
    {name: '--all-contexts: every context of the kubeconfig, sorted', extra: {allContexts: true}, want: ['down', 'east', 'west']},
    {name: 'plan mode with one context', extra: {contexts: ['east'], planMode: true}, want: ['east']},
    {name: '--cluster with one context', extra: {contexts: ['east'], cluster: 'other'}, want: ['east']},
  ])('$name', ({extra, want}) => expect(contextsToReport(choice(extra), env)).toEqual(want))

  test.each([
    {name: 'plan mode checks one cluster', extra: {contexts: ['east', 'west'], planMode: true}, want: 'INVALID_FLAG'},
    {name: '--user picks one user, not one per context', extra: {allContexts: true, user: 'admin'}, want: 'INVALID_FLAG'},
    {name: '--cluster with several contexts', extra: {contexts: ['east', 'west'], cluster: 'x'}, want: 'INVALID_FLAG'},
    {name: 'an unknown context among several', extra: {contexts: ['east', 'nope']}, want: 'NO_CONTEXT'},
    {name: '--all-contexts with an empty kubeconfig', extra: {allContexts: true, kubeconfig: emptyKubeconfig()}, want: 'NO_CONTEXT'},
  ])('exit 2: $name', ({extra, want}) => expect(codeOf(extra)).toBe(want))
})

function emptyKubeconfig(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'contexts-empty-')), 'config')
  writeFileSync(file, JSON.stringify({apiVersion: 'v1', kind: 'Config'}))
  return file
}
