import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import type {LiveLookup} from './complete-plugin-args.js'
import {completeWithManifest, main} from './complete-main.js'
import {CRON_MANIFEST} from './test-support/manifest-fixture.js'

const manifestPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-complete-')), 'oclif.manifest.json')
fs.writeFileSync(manifestPath, JSON.stringify(CRON_MANIFEST))

async function run(argv: string[], listNames: (lookup: LiveLookup) => Promise<string[]> = () => Promise.reject(new Error('no cluster'))) {
  let out = ''
  const lookups: LiveLookup[] = []
  await main(argv, {
    write: (text) => (out += text),
    listNames: (lookup) => {
      lookups.push(lookup)
      return listNames(lookup)
    },
  })
  return {out, lookups}
}

describe('main: the kubectl_complete-<plugin> answer', () => {
  test.each([
    ['kubectl calls with the words only', [manifestPath, 'now', '--dry-run', 'c'], 'client\n:4\n'],
    ['a leading __complete is cobra request syntax, not a word', [manifestPath, '__complete', 'now', '--dry-run', 'c'], 'client\n:4\n'],
    ['candidates with descriptions after a tab', [manifestPath, 'l'], 'list\tList CronJobs.\n:4\n'],
    ['__completeNoDesc drops the descriptions', [manifestPath, '__completeNoDesc', 'l'], 'list\n:4\n'],
    ['no words at all completes the first one', [manifestPath], 'now\tRun a CronJob now.\nvalidate\tCheck a schedule the way the API server does.\nsuspend\tSuspend CronJobs.\nlist\tList CronJobs.\ncompletion\tPrint a shell completion script.\n:4\n'],
    ['file completion for --kubeconfig', [manifestPath, 'now', '--kubeconfig', ''], ':0\n'],
    ['a missing manifest offers nothing, quietly', ['/nonexistent/oclif.manifest.json', 'now', ''], ':4\n'],
  ])('%s', async (_name, argv, expected) => {
    expect((await run(argv)).out).toBe(expected)
  })

  test('live names are filtered by the typed prefix, with the words\' namespace', async () => {
    const {out, lookups} = await run([manifestPath, 'now', '-n', 'batch', 'n'], async () => ['backup', 'nightly', 'nightly-eu'])
    expect(out).toBe('nightly\nnightly-eu\n:4\n')
    expect(lookups.map((lookup) => [lookup.resource, lookup.target.namespace])).toEqual([['cronjobs', 'batch']])
  })

  test.each([
    ['@kubeline/plugin-cron', 'history', 'cronjobs'],
    ['@kubeline/plugin-rollout', 'status', 'deployments'],
    ['@kubeline/plugin-rollout', 'pause', 'deployments'],
    ['@kubeline/plugin-rollout', 'set-weight', 'deployments'],
    ['@kubeline/plugin-rollout', 'retry', 'deployments'],
    ['@kubeline/plugin-rollout', 'bluegreen:start', 'deployments'],
    ['@kubeline/plugin-rollout', 'bluegreen:switch', 'deployments'],
    ['@kubeline/plugin-rollout', 'bluegreen:rollback', 'deployments'],
    ['@kubeline/plugin-rollout', 'bluegreen:finish', 'deployments'],
  ])('%s %s completes the names of %s', async (pluginName, id, resource) => {
    const manifest = {commands: {[id]: {id, pluginName, args: {name: {name: 'name'}}, flags: {}}}}
    const file = path.join(path.dirname(manifestPath), `${id}.manifest.json`)
    fs.writeFileSync(file, JSON.stringify(manifest))
    const {out, lookups} = await run([file, ...id.split(':'), ''], async () => ['web'])
    expect(out).toBe('web\n:4\n')
    expect(lookups.map((lookup) => lookup.resource)).toEqual([resource])
  })

  test('a failed lookup offers nothing with NoFileComp, and prints no error', async () => {
    const {out, lookups} = await run([manifestPath, 'now', ''])
    expect(lookups).toHaveLength(1)
    expect(out).toBe(':4\n')
  })
})

test('completeWithManifest answers from a manifest in memory, request word and all', async () => {
  let out = ''
  await completeWithManifest(CRON_MANIFEST, ['__completeNoDesc', 'now', '--dry-run', 's'], {write: (text) => (out += text)})
  expect(out).toBe('server\n:4\n')
})
