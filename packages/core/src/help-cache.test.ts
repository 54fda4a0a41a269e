import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, test} from 'vitest'
import {cachedHelp, readHelpCache} from './help-cache.js'
import type {HelpCache, HelpTerminal} from './help-cache.js'

const cache: HelpCache = {width: 80, helpFlags: ['-h', '--help'], pages: {'["--help"]': 'root help\n', '["list","--help"]': 'list help\n', '[]': 'root help\n'}}
const plain: HelpTerminal = {env: {}, stdoutIsTTY: false}

describe('cachedHelp', () => {
  test.each([
    {name: 'root --help', argv: ['--help'], page: 'root help\n'},
    {name: 'no arguments', argv: [], page: 'root help\n'},
    {name: 'command --help', argv: ['list', '--help'], page: 'list help\n'},
    {name: 'root -h (a help flag of the cache: the --help page)', argv: ['-h'], page: 'root help\n'},
    {name: 'command -h', argv: ['list', '-h'], page: 'list help\n'},
    {name: 'two help flags', argv: ['list', '-h', '--help'], page: undefined},
    {name: '-h as a command word', argv: ['-h', 'list'], page: undefined},
    {name: 'flag before the command', argv: ['--help', 'list'], page: undefined},
    {name: 'a command, not help', argv: ['list'], page: undefined},
    {name: 'one word that is two argv', argv: ['list --help'], page: undefined},
    {name: 'an inherited key', argv: ['constructor'], page: undefined},
  ])('$name', ({argv, page}) => {
    expect(cachedHelp(cache, argv, plain)).toBe(page)
  })

  test('-h is --help only when the build rendered it as a help flag', () => {
    expect(cachedHelp({...cache, helpFlags: ['--help']}, ['list', '-h'], plain)).toBeUndefined()
  })

  // oclif's screen.js (width) and ansis's colour detection, as seen by a stdout that is or is not a terminal.
  test.each([
    {name: 'OCLIF_COLUMNS equal to the rendered width', terminal: {env: {OCLIF_COLUMNS: '80'}, stdoutIsTTY: false}, used: true},
    {name: 'OCLIF_COLUMNS not a number (oclif ignores it)', terminal: {env: {OCLIF_COLUMNS: 'wide'}, stdoutIsTTY: false}, used: true},
    {name: 'NO_COLOR beats CI', terminal: {env: {CI: 'true', NO_COLOR: '1'}, stdoutIsTTY: false}, used: true},
    {name: 'FORCE_COLOR=0 (no colour, but any FORCE_COLOR falls through)', terminal: {env: {FORCE_COLOR: '0'}, stdoutIsTTY: false}, used: false},
    {name: 'a terminal, even 80 wide (oclif bolds headers)', terminal: {env: {}, stdoutIsTTY: true}, used: false},
    {name: 'another OCLIF_COLUMNS', terminal: {env: {OCLIF_COLUMNS: '120'}, stdoutIsTTY: false}, used: false},
    {name: 'FORCE_COLOR', terminal: {env: {FORCE_COLOR: '1'}, stdoutIsTTY: false}, used: false},
    {name: 'COLORTERM', terminal: {env: {COLORTERM: 'truecolor'}, stdoutIsTTY: false}, used: false},
    {name: 'CI', terminal: {env: {CI: 'true'}, stdoutIsTTY: false}, used: false},
    {name: 'TeamCity', terminal: {env: {TEAMCITY_VERSION: '2024.1'}, stdoutIsTTY: false}, used: false},
    {name: 'KUBELINE_NO_HELP_CACHE', terminal: {env: {KUBELINE_NO_HELP_CACHE: '1'}, stdoutIsTTY: false}, used: false},
  ])('$name: stored help used = $used', ({terminal, used}) => {
    expect(cachedHelp(cache, ['--help'], terminal)).toBe(used ? 'root help\n' : undefined)
  })
})

describe('readHelpCache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'help-cache-'))
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text)
    return pathToFileURL(path.join(dir, name))
  }

  test('reads a stored cache', () => {
    expect(readHelpCache(file('good.json', JSON.stringify(cache)))).toEqual(cache)
  })

  test.each([
    {name: 'not JSON', text: '{"width": 80, "pages": {'},
    {name: 'no width', text: '{"helpFlags": ["--help"], "pages": {}}'},
    {name: 'no help flags (a build before -h)', text: '{"width": 80, "pages": {}}'},
    {name: 'a help flag that is not text', text: '{"width": 80, "helpFlags": [1], "pages": {}}'},
    {name: 'a page that is not text', text: '{"width": 80, "helpFlags": ["--help"], "pages": {"[]": 1}}'},
    {name: 'null', text: 'null'},
  ])('$name: undefined', ({name, text}) => {
    expect(readHelpCache(file(`${name}.json`, text))).toBeUndefined()
  })

  test('a missing file: undefined', () => {
    expect(readHelpCache(pathToFileURL(path.join(dir, 'missing.json')))).toBeUndefined()
  })
})
