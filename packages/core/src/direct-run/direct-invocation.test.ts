import {describe, expect, test} from 'vitest'
import {SINGLE_COMMAND_ID} from '../command/plugin-manifest.js'
import type {ManifestFlag} from '../command/plugin-manifest.js'
import {SINGLE_COMMAND, directInvocation} from './direct-invocation.js'

const namespace: ManifestFlag = {name: 'namespace', type: 'option', char: 'n'}
const flags = {namespace}

describe('directInvocation', () => {
  const single = {commands: {[SINGLE_COMMAND_ID]: {flags}}}
  const topics = {commands: {list: {flags}, 'bluegreen:status': {flags}, 'bluegreen:start': {flags}}}
  const config = {[SINGLE_COMMAND]: ['namespace'], list: ['namespace'], 'bluegreen:status': ['namespace']}

  test.each([
    {name: 'a single-command plugin', manifest: single, single: true, argv: ['-n', 'a'], want: {command: '.', flags: {namespace: 'a'}}},
    {name: 'a command', manifest: topics, single: false, argv: ['list', '-n', 'a'], want: {command: 'list', flags: {namespace: 'a'}}},
    {name: 'a command in a topic', manifest: topics, single: false, argv: ['bluegreen', 'status'], want: {command: 'bluegreen:status', flags: {}}},
    {name: 'a single-command plugin given an argument', manifest: single, single: true, argv: ['payments'], want: undefined},
    {name: 'a command with no direct run', manifest: topics, single: false, argv: ['bluegreen', 'start', '-n', 'a'], want: undefined},
    {name: 'a command given an argument', manifest: topics, single: false, argv: ['list', 'web', '-n', 'a'], want: undefined},
    {name: 'a flag before the command', manifest: topics, single: false, argv: ['-n', 'a', 'list'], want: undefined},
    {name: 'no command', manifest: topics, single: false, argv: [], want: undefined},
    {name: 'a command missing from the manifest', manifest: {commands: {}}, single: false, argv: ['list'], want: undefined},
    {name: 'a prototype key', manifest: topics, single: false, argv: ['toString'], want: undefined},
  ])('$name: $argv', ({manifest, single: singleCommand, argv, want}) => {
    expect(directInvocation(argv, manifest, config, singleCommand)).toStrictEqual(want)
  })
})
