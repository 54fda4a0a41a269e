import {describe, expect, test} from 'vitest'
import type {ManifestFlag} from '../command/plugin-manifest.js'
import {parseDirectArgv} from './direct-argv.js'

const flag = (name: string, type: ManifestFlag['type'], more: Partial<ManifestFlag> = {}): ManifestFlag => ({name, type, ...more})

// As oclif.manifest.json records them (quota-report's, trimmed).
const FLAGS: Record<string, ManifestFlag> = {
  namespace: flag('namespace', 'option', {char: 'n'}),
  context: flag('context', 'option', {multiple: true}),
  'request-timeout': flag('request-timeout', 'option', {default: '0'}),
  'all-namespaces': flag('all-namespaces', 'boolean', {char: 'A', exclusive: ['filename']}),
  filename: flag('filename', 'option', {char: 'f', multiple: true}),
  offline: flag('offline', 'boolean', {dependsOn: ['filename']}),
  output: flag('output', 'option', {char: 'o', default: 'table'}),
  shell: flag('shell', 'option', {options: ['bash', 'zsh']}),
  warn: flag('warn', 'option', {default: 80}),
  grouped: flag('grouped', 'boolean', {relationships: [{type: 'all', flags: ['namespace']}]}),
}
// A command with a required flag (netpol-test check's --from).
const WITH_REQUIRED: Record<string, ManifestFlag> = {...FLAGS, from: flag('from', 'option', {required: true})}
const ACCEPTED = new Set(['namespace', 'context', 'request-timeout', 'all-namespaces', 'filename', 'offline', 'output', 'shell', 'grouped'])
const DEFAULTS = {'request-timeout': '0', output: 'table', warn: 80}

describe('parseDirectArgv: what oclif would parse', () => {
  test.each([
    {argv: [], flags: {}},
    {argv: ['-n', 'payments'], flags: {namespace: 'payments'}},
    {argv: ['--namespace', 'payments'], flags: {namespace: 'payments'}},
    {argv: ['--namespace=payments'], flags: {namespace: 'payments'}},
    {argv: ['--namespace=a=b'], flags: {namespace: 'a=b'}},
    {argv: ['-A', '-o', 'json'], flags: {'all-namespaces': true, output: 'json'}},
    {argv: ['--context', 'a', '--context=b', '--context', 'a'], flags: {context: ['a', 'b', 'a']}},
    {argv: ['-f', 'a.yaml', '--offline', '-f', 'dir/'], flags: {filename: ['a.yaml', 'dir/'], offline: true}},
    {argv: ['--request-timeout', '5s'], flags: {'request-timeout': '5s'}},
    {argv: ['--shell', 'zsh'], flags: {shell: 'zsh'}},
    {argv: ['-o', 'wide', '-n', 'app in (a)'], flags: {output: 'wide', namespace: 'app in (a)'}},
  ])('$argv', ({argv, flags}) => {
    expect(parseDirectArgv(argv, FLAGS, ACCEPTED)).toStrictEqual({...DEFAULTS, ...flags})
  })

  test('a required flag given', () => {
    expect(parseDirectArgv(['--from', 'a/b'], WITH_REQUIRED, new Set([...ACCEPTED, 'from']))).toStrictEqual({...DEFAULTS, from: 'a/b'})
  })

  test('a default is a copy: a run that changes it does not change the manifest', () => {
    const manifest = {list: flag('list', 'option', {multiple: true, default: ['a']})}
    const parsed = parseDirectArgv([], manifest, new Set(['list']))
    expect(parsed).toStrictEqual({list: ['a']})
    expect(parsed?.list).not.toBe(manifest.list.default)
  })
})

describe('parseDirectArgv: anything else is left to oclif', () => {
  test.each([
    {why: 'an argument', argv: ['payments']},
    {why: 'an argument after a boolean', argv: ['-A', 'payments']},
    {why: 'a second value of a multiple flag (oclif reads it greedily)', argv: ['-f', 'a.yaml', 'b.yaml']},
    {why: '--', argv: ['--', '-n', 'x']},
    {why: 'an unknown long flag', argv: ['--bogus']},
    {why: 'an unknown short flag', argv: ['-x']},
    {why: 'a flag not accepted for a direct run (it has its own parse)', argv: ['--warn', '90']},
    {why: 'a help flag', argv: ['--help']},
    {why: 'a missing value', argv: ['-n']},
    {why: 'an empty value', argv: ['--namespace=']},
    {why: 'a value that looks like a flag', argv: ['-n', '-A']},
    {why: 'a value that starts with a dash', argv: ['--namespace=-x']},
    {why: 'a short flag with its value attached', argv: ['-npayments']},
    {why: 'a short flag with =', argv: ['-n=payments']},
    {why: 'short booleans run together', argv: ['-Ao', 'json']},
    {why: 'a boolean given a value', argv: ['-A=true']},
    {why: 'a boolean given a value with =', argv: ['--all-namespaces=false']},
    {why: 'a negated boolean', argv: ['--no-all-namespaces']},
    {why: 'a repeated single flag', argv: ['-n', 'a', '-n', 'b']},
    {why: 'a repeated boolean', argv: ['-A', '--all-namespaces']},
    {why: 'a value outside the options', argv: ['--shell', 'tcsh']},
    {why: 'flags that exclude each other', argv: ['-A', '-f', 'a.yaml']},
    {why: 'a flag without the one it depends on', argv: ['--offline']},
    {why: 'a flag with relationships', argv: ['--grouped', '-n', 'a']},
    {why: 'a prototype key', argv: ['--constructor', 'x']},
  ])('$why: $argv', ({argv}) => {
    expect(parseDirectArgv(argv, FLAGS, ACCEPTED)).toBeUndefined()
  })

  // What oclif's manifest records but a direct run cannot follow: a value from the environment, a
  // multiple flag's values split at a delimiter, a default it does not cache.
  test.each([
    {what: 'env', more: {env: 'KUBELINE_NS'}},
    {what: 'delimiter', more: {multiple: true, delimiter: ','}},
    {what: 'noCacheDefault', more: {noCacheDefault: true}},
  ])('a command with a flag that has $what, given or not', ({more}) => {
    const flags = {...FLAGS, other: flag('other', 'option', more)}
    expect(parseDirectArgv(['-n', 'a'], flags, ACCEPTED)).toBeUndefined()
  })

  test('a required flag missing', () => {
    expect(parseDirectArgv(['-n', 'a'], WITH_REQUIRED, new Set([...ACCEPTED, 'from']))).toBeUndefined()
  })
})
