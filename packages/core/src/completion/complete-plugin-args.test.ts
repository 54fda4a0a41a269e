import {describe, expect, test} from 'vitest'
import {completePluginArgs} from './complete-plugin-args.js'
import type {Completion, LiveResource} from './complete-plugin-args.js'
import {CRON_MANIFEST, QUOTA_MANIFEST, ROLLOUT_MANIFEST} from './test-support/manifest-fixture.js'

const CRON_LIVE: Record<string, LiveResource> = {now: 'cronjobs', suspend: 'cronjobs'}
const cron = (...words: string[]) => completePluginArgs(CRON_MANIFEST, words, {liveArguments: CRON_LIVE})
const quota = (...words: string[]) => completePluginArgs(QUOTA_MANIFEST, words)
const ROLLOUT_LIVE: Record<string, LiveResource> = {start: 'deployments', pause: 'deployments', 'bluegreen:start': 'deployments', 'bluegreen:switch': 'deployments'}
const rollout = (...words: string[]) => completePluginArgs(ROLLOUT_MANIFEST, words, {liveArguments: ROLLOUT_LIVE})
const values = (completion: Completion) => completion.candidates.map((candidate) => candidate.value)

describe('offered words and directive (4 = NoFileComp, 0 = files)', () => {
  test.each<[string, Completion, string[], number]>([
    ['sub-commands at the first position, hidden ones left out', cron(''), ['now', 'validate', 'suspend', 'list', 'completion'], 4],
    ['sub-commands by prefix', cron('s'), ['suspend'], 4],
    ['no sub-commands for a single-command plugin', quota(''), [], 4],
    ['long flags of the command by prefix', cron('now', '--w'), ['--wait'], 4],
    ['long and short flags after "-"', cron('list', '-'), ['--kubeconfig', '--context', '--namespace', '-n', '--request-timeout', '--insecure-skip-tls-verify', '--all-namespaces', '-A'], 4],
    ['the flags of every command before a sub-command', cron('--dr'), ['--dry-run'], 4],
    ['booleans by prefix', quota('--i'), ['--insecure-skip-tls-verify', '--ipblock-matches-pods'], 4],
    ['--no- forms for allowNo booleans only', quota('--no'), ['--no-ipblock-matches-pods'], 4],
    ['hidden flags left out', quota('--s'), [], 4],
    ['values of a flag with options', cron('now', '--dry-run', ''), ['none', 'client', 'server'], 4],
    ['values of a flag with options, by prefix', cron('now', '--dry-run', 'c'), ['client'], 4],
    ['values after --flag= (value only, as cobra answers)', cron('now', '--dry-run=s'), ['server'], 4],
    ['no value for a boolean with =', cron('now', '--wait='), [], 4],
    ['-o: the default, then the formats its description lists', cron('now', '-o', ''), ['table', 'json', 'yaml', 'name'], 4],
    ['-o by prefix, after --output=', cron('now', '--output=y'), ['yaml'], 4],
    ['-o of a single-command plugin, words that are no output format left out', quota('-o', ''), ['table', 'wide', 'json', 'yaml', 'markdown'], 4],
    ['files for -f', quota('-f', ''), [], 0],
    ['files for --filename=', quota('--filename='), [], 0],
    ['files for --kubeconfig', cron('now', '--kubeconfig', ''), [], 0],
    ['nothing for a free-form value', quota('--fail-at', ''), [], 4],
    ['nothing for an argument that is not a live name', cron('validate', ''), [], 4],
    ['nothing past the last argument of a strict command', cron('now', 'nightly', ''), [], 4],
    ['nothing after an unknown sub-command', cron('bogus', ''), [], 4],
    ['the values of an argument with options (completion SHELL)', cron('completion', ''), ['bash', 'zsh', 'fish'], 4],
    ['the values of an argument with options, by prefix', cron('completion', 'z'), ['zsh'], 4],
    ['the values of an argument with options, after a flag', cron('completion', '--context', 'x', 'f'), ['fish'], 4],
    ['nothing past an argument with options', cron('completion', 'bash', ''), [], 4],
    ['a topic by its first word, once, beside the commands', rollout(''), ['start', 'pause', 'bluegreen'], 4],
    ['a topic by prefix', rollout('blue'), ['bluegreen'], 4],
    ['the commands of a topic, hidden ones left out', rollout('bluegreen', ''), ['start', 'switch'], 4],
    ['the commands of a topic by prefix', rollout('bluegreen', 'sw'), ['switch'], 4],
    ['the flags of a two-word command only', rollout('bluegreen', 'start', '--s'), ['--scale-down-delay'], 4],
    ['nothing past the last argument of a two-word command', rollout('bluegreen', 'start', 'web', ''), [], 4],
    ['nothing after an unknown command of a topic', rollout('bluegreen', 'bogus', ''), [], 4],
  ])('%s', (_name, completion, expected, directive) => {
    expect(values(completion)).toEqual(expected)
    expect(completion.directive).toBe(directive)
    expect(completion.lookup).toBeUndefined()
  })
})

describe('live names: what to look up, where', () => {
  test.each([
    ['the CronJob argument of now', cron('now', ''), {resource: 'cronjobs', prefix: '', target: {}}],
    ['a CronJob by prefix, namespace from -n', cron('now', '-n', 'batch', 'ni'), {resource: 'cronjobs', prefix: 'ni', target: {namespace: 'batch'}}],
    ['namespace from -nbatch and --namespace=', cron('now', '-nbatch', ''), {resource: 'cronjobs', prefix: '', target: {namespace: 'batch'}}],
    [
      'context, kubeconfig and TLS flags carried over',
      cron('now', '--context=staging', '--kubeconfig', '/k', '--insecure-skip-tls-verify', ''),
      {resource: 'cronjobs', prefix: '', target: {context: 'staging', kubeconfig: '/k', insecureSkipTlsVerify: true}},
    ],
    ['every argument of a variadic command', cron('suspend', 'a', 'b', ''), {resource: 'cronjobs', prefix: '', target: {}}],
    ['a positional after "--", even one starting with "-"', cron('now', '--', '-'), {resource: 'cronjobs', prefix: '-', target: {}}],
    ['a boolean flag takes no value word', cron('now', '--wait', ''), {resource: 'cronjobs', prefix: '', target: {}}],
    ['namespaces for -n', cron('now', '-n', 'ku'), {resource: 'namespaces', prefix: 'ku', target: {}}],
    ['namespaces for --namespace=, the context kept', cron('--context', 'c1', '--namespace=d'), {resource: 'namespaces', prefix: 'd', target: {context: 'c1'}}],
    ['namespaces for a single-command plugin', quota('-n', ''), {resource: 'namespaces', prefix: '', target: {}}],
    ['the Deployment argument of a two-word command', rollout('bluegreen', 'start', ''), {resource: 'deployments', prefix: '', target: {}}],
    ['a Deployment of a two-word command by prefix, namespace from -n', rollout('bluegreen', 'switch', '-n', 'shop', 'w'), {resource: 'deployments', prefix: 'w', target: {namespace: 'shop'}}],
  ])('%s', (_name, completion, expected) => {
    expect(completion.lookup).toEqual({...expected, target: expect.objectContaining(expected.target)})
    const set = Object.entries(completion.lookup?.target ?? {}).filter(([, value]) => value !== undefined)
    expect(Object.fromEntries(set)).toEqual(expected.target)
    expect(completion.directive).toBe(4)
  })
})

describe('descriptions', () => {
  test('a sub-command offers its summary, on one line without tabs', () => {
    const validate = cron('v').candidates
    expect(validate).toEqual([{value: 'validate', description: 'Check a schedule the way the API server does.'}])
  })

  test('a command of a topic offers its summary under its last word', () => {
    expect(rollout('bluegreen', 'st').candidates).toEqual([{value: 'start', description: 'Start a blue/green release.'}])
  })

  test('a flag offers its description under both its names', () => {
    expect(cron('now', '-n').candidates).toEqual([{value: '-n', description: 'The namespace scope for this request.'}])
    expect(cron('now', '--namespace').candidates[0]?.description).toBe('The namespace scope for this request.')
  })
})
