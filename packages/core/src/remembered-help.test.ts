import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'
import type {HelpCache} from './help-cache.js'
import {MAX_REMEMBERED_PAGES, mayRememberHelp, readRememberedHelp, recordHelp, rememberedHelpFile} from './remembered-help.js'
import type {HelpScreen} from './remembered-help.js'

let dir: string
let helpFile: string
let theme: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-remembered-help-test-'))
  helpFile = path.join(dir, 'help.json')
  fs.writeFileSync(helpFile, '{}')
  theme = path.join(dir, 'theme.json')
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.restoreAllMocks()
  process.exitCode = undefined
  fs.rmSync(dir, {recursive: true, force: true})
})

const screen: HelpScreen = {env: {TERM: 'xterm-256color', HOME: '/home/a'}, stdoutIsTTY: true, stderrIsTTY: true, columns: 120}
const fileFor = (argv: string[], changed: Partial<HelpScreen> = {}) => rememberedHelpFile(dir, helpFile, argv, {...screen, ...changed})

describe('rememberedHelpFile', () => {
  test('the same argv on the same screen: the same file, in the cache directory', () => {
    expect(fileFor(['--help'])).toBe(fileFor(['--help']))
    expect(path.dirname(fileFor(['--help']))).toBe(dir)
  })

  test.each([
    {name: 'another argv', argv: ['list', '--help'], changed: {}},
    {name: 'another width', argv: ['--help'], changed: {columns: 100}},
    {name: 'stdout not a terminal', argv: ['--help'], changed: {stdoutIsTTY: false, columns: undefined}},
    {name: 'stderr not a terminal', argv: ['--help'], changed: {stderrIsTTY: false}},
    {name: 'another colour setting', argv: ['--help'], changed: {env: {...screen.env, COLORTERM: 'truecolor'}}},
    {name: 'colour turned off', argv: ['--help'], changed: {env: {...screen.env, NO_COLOR: '1'}}},
    {name: 'another home (another theme file)', argv: ['--help'], changed: {env: {...screen.env, HOME: '/home/b'}}},
  ])('$name: another file', ({argv, changed}) => {
    expect(fileFor(argv, changed)).not.toBe(fileFor(['--help']))
  })

  test.each(['PWD', 'OLDPWD', '_', 'SHLVL', 'DEBUG'])('%s, which the shell changes or only logs on stderr: the same file', (name) => {
    expect(fileFor(['--help'], {env: {...screen.env, [name]: 'something'}})).toBe(fileFor(['--help']))
  })

  test('the order of the environment does not matter', () => {
    expect(fileFor(['--help'], {env: {HOME: '/home/a', TERM: 'xterm-256color'}})).toBe(fileFor(['--help']))
  })

  test('a rebuilt plugin (its stored help written again): another file', () => {
    const before = fileFor(['--help'])
    fs.writeFileSync(helpFile, '{"width": 80}')
    expect(fileFor(['--help'])).not.toBe(before)
  })
})

describe('recordHelp and readRememberedHelp', () => {
  function record(output: string[], {stderr = '', exitCode}: {stderr?: string; exitCode?: number} = {}): string {
    const file = fileFor(['--help'])
    const recorder = recordHelp(file, dir)
    for (const chunk of output) process.stdout.write(chunk)
    if (stderr) process.stderr.write(stderr)
    process.exitCode = exitCode
    recorder.save([theme])
    return file
  }

  test('what oclif wrote to stdout is remembered, and passed on as it is written', () => {
    const file = record(['\u001B[1mUSAGE\u001B[22m\n', Buffer.from('  $ kubectl greet\n') as unknown as string])
    expect(readRememberedHelp(file)).toBe('\u001B[1mUSAGE\u001B[22m\n  $ kubectl greet\n')
    expect(vi.mocked(process.stdout.write).mock.calls.map(([chunk]) => String(chunk))).toEqual(['\u001B[1mUSAGE\u001B[22m\n', '  $ kubectl greet\n'])
  })

  test('stdout and stderr are given back after the run', () => {
    const {write: stdoutWrite} = process.stdout
    const {write: stderrWrite} = process.stderr
    record(['page\n'])
    expect(process.stdout.write).toBe(stdoutWrite)
    expect(process.stderr.write).toBe(stderrWrite)
  })

  test.each([
    {name: 'a run that wrote to stderr (a warning would be lost)', output: ['page\n'], options: {stderr: 'Warning: bad theme\n'}},
    {name: 'a run that failed', output: ['page\n'], options: {exitCode: 2}},
    {name: 'a run that printed nothing', output: [], options: {}},
  ])('$name: nothing remembered', ({output, options}) => {
    expect(readRememberedHelp(record(output, options))).toBeUndefined()
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('help-'))).toEqual([])
  })

  test('a theme written since: stale', () => {
    const file = record(['page\n'])
    fs.writeFileSync(theme, '{"sectionHeader": "red"}')
    expect(readRememberedHelp(file)).toBeUndefined()
  })

  test('a theme changed since: stale', () => {
    fs.writeFileSync(theme, '{}')
    const file = record(['page\n'])
    expect(readRememberedHelp(file)).toBe('page\n')
    fs.writeFileSync(theme, '{"sectionHeader": "red"}')
    expect(readRememberedHelp(file)).toBeUndefined()
  })

  test.each([
    {name: 'not JSON', text: '{"files": {'},
    {name: 'no page', text: '{"files": {}}'},
    {name: 'null', text: 'null'},
  ])('a damaged file ($name): undefined', ({text}) => {
    const file = fileFor(['--help'])
    fs.writeFileSync(file, text)
    expect(readRememberedHelp(file)).toBeUndefined()
  })

  test(`at most ${MAX_REMEMBERED_PAGES} pages are kept, the newest`, () => {
    const old = Array.from({length: MAX_REMEMBERED_PAGES}, (_, i) => {
      const file = path.join(dir, `help-${String(i).padStart(16, '0')}`)
      fs.writeFileSync(file, JSON.stringify({files: {}, page: `old ${i}\n`}))
      fs.utimesSync(file, 1000 + i, 1000 + i)
      return file
    })
    const file = record(['new\n'])
    expect(readRememberedHelp(file)).toBe('new\n')
    expect(fs.existsSync(old[0]!)).toBe(false)
    expect(old.slice(1).every((page) => fs.existsSync(page))).toBe(true)
  })
})

describe('mayRememberHelp', () => {
  const stored: HelpCache = {width: 80, helpFlags: ['-h', '--help'], pages: {'["--help"]': 'root\n', '["list","--help"]': 'list\n'}}
  test.each([
    {name: 'a help argv the build knows', argv: ['--help'], env: {}, stored, may: true},
    {name: 'a help argv the build knows, with another help flag', argv: ['list', '-h'], env: {}, stored, may: true},
    {name: 'a command run', argv: ['list'], env: {}, stored, may: false},
    {name: 'an inherited key', argv: ['constructor'], env: {}, stored, may: false},
    {name: 'KUBELINE_NO_HELP_CACHE', argv: ['--help'], env: {KUBELINE_NO_HELP_CACHE: '1'}, stored, may: false},
    {name: 'no stored help (a single-file build)', argv: ['--help'], env: {}, stored: undefined, may: false},
  ])('$name: $may', ({argv, env, stored, may}) => {
    expect(mayRememberHelp(stored, argv, env)).toBe(may)
  })
})
