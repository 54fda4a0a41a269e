import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {stringify} from 'yaml'
import {KubelineError} from '../../errors/kubeline-error.js'
import {kubeconfigContextNames} from './context-names.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-contexts-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

function write(name: string, contexts: string[]): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, stringify({apiVersion: 'v1', kind: 'Config', contexts: contexts.map((context) => ({name: context, context: {cluster: 'c', user: 'u'}}))}))
  return file
}

describe('kubeconfigContextNames', () => {
  test('every context of every KUBECONFIG file, once, sorted', () => {
    const first = write('a', ['prod', 'staging'])
    const second = write('b', ['dev', 'prod'])
    const missing = path.join(dir, 'missing')
    expect(kubeconfigContextNames({}, {KUBECONFIG: [first, missing, second].join(path.delimiter), HOME: dir})).toEqual(['dev', 'prod', 'staging'])
  })

  test('--kubeconfig alone, ignoring KUBECONFIG', () => {
    const only = write('only', ['edge'])
    expect(kubeconfigContextNames({kubeconfig: only}, {KUBECONFIG: write('other', ['prod']), HOME: dir})).toEqual(['edge'])
  })

  test('~/.kube/config when nothing else is set; no file at all gives none', () => {
    expect(kubeconfigContextNames({}, {HOME: dir})).toEqual([])
    fs.mkdirSync(path.join(dir, '.kube'))
    fs.renameSync(write('home', ['home-cluster']), path.join(dir, '.kube', 'config'))
    expect(kubeconfigContextNames({}, {HOME: dir})).toEqual(['home-cluster'])
  })

  test('a --kubeconfig that does not exist is a usage error', () => {
    expect(() => kubeconfigContextNames({kubeconfig: path.join(dir, 'nope')}, {})).toThrow(KubelineError)
  })
})
