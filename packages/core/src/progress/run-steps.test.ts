import {Writable} from 'node:stream'
import {afterEach, describe, expect, test, vi} from 'vitest'
import {UsageError} from '../errors/kubeline-error.js'
import {runSteps} from './run-steps.js'
import type {Step} from './step.js'

/** A stderr stand-in that records what is written; `isTTY` decides the mode `auto` picks. */
function fakeStderr(isTTY: boolean): NodeJS.WriteStream & {text: () => string} {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString())
      done()
    },
  })
  return Object.assign(stream, {isTTY, columns: 80, rows: 24, text: () => chunks.join('')}) as unknown as NodeJS.WriteStream & {
    text: () => string
  }
}

/** Proves the point of DESIGN principle 4: progress never reaches stdout. */
function watchStdout(): () => string {
  const written: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(chunk.toString())
    return true
  })
  return () => {
    spy.mockRestore()
    return written.join('')
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

function recordingSteps(log: string[]): Step[] {
  return [
    {
      title: 'List namespaces',
      run: async (update) => {
        log.push('namespaces')
        update('3 found')
      },
    },
    {
      title: 'Read quotas',
      run: async () => {
        log.push('quotas')
      },
    },
  ]
}

// eslint-disable-next-line no-control-regex -- looking for ANSI escape sequences
const ANSI = /\u001b\[/

describe('runSteps', () => {
  test('plain: one line per start, update and finish, on stderr only, no ANSI when colour is off', async () => {
    const stderr = fakeStderr(false)
    const stdout = watchStdout()
    const ran: string[] = []
    await runSteps(recordingSteps(ran), {mode: 'plain', stream: stderr, env: {}})
    expect(stdout()).toBe('')
    expect(ran).toEqual(['namespaces', 'quotas'])
    expect(stderr.text()).toBe(
      [
        '[STARTED] List namespaces',
        '[OUTPUT] List namespaces: 3 found',
        '[COMPLETED] List namespaces',
        '[STARTED] Read quotas',
        '[COMPLETED] Read quotas',
        '',
      ].join('\n'),
    )
  })

  test('plain: colours the tags on a terminal, and FORCE_COLOR=0 turns that off', async () => {
    const coloured = fakeStderr(true)
    await runSteps(recordingSteps([]), {mode: 'plain', stream: coloured, env: {}})
    expect(coloured.text()).toContain('\u001b[32m[COMPLETED]\u001b[39m List namespaces')
    const plain = fakeStderr(true)
    await runSteps(recordingSteps([]), {mode: 'plain', stream: plain, env: {FORCE_COLOR: '0'}})
    expect(plain.text()).not.toMatch(ANSI)
  })

  test('plain: a failing step is logged, stops the rest and rethrows the very same error', async () => {
    const stderr = fakeStderr(false)
    const failure = new UsageError('INVALID_MANIFEST', 'app.yaml:3: missing "kind"')
    const ran: string[] = []
    const steps: Step[] = [
      {title: 'Read manifests', run: () => Promise.reject(failure)},
      ...recordingSteps(ran),
    ]
    await expect(runSteps(steps, {mode: 'plain', stream: stderr, env: {}})).rejects.toBe(failure)
    expect(ran).toEqual([])
    expect(stderr.text()).toBe('[STARTED] Read manifests\n[FAILED] Read manifests: app.yaml:3: missing "kind"\n')
  })

  test.each([
    {mode: 'silent', isTTY: true},
    {mode: 'silent', isTTY: false},
    {mode: 'auto', isTTY: false},
  ] as const)('$mode with isTTY=$isTTY runs every step and writes nothing anywhere', async ({mode, isTTY}) => {
    const stderr = fakeStderr(isTTY)
    const stdout = watchStdout()
    const ran: string[] = []
    await runSteps(recordingSteps(ran), {mode, stream: stderr})
    expect(stdout()).toBe('')
    expect(ran).toEqual(['namespaces', 'quotas'])
    expect(stderr.text()).toBe('')
  })

  test('silent rethrows the original error', async () => {
    const failure = new Error('boom')
    await expect(runSteps([{title: 'x', run: () => Promise.reject(failure)}], {mode: 'silent'})).rejects.toBe(failure)
  })

  test('auto on a terminal renders listr2 on stderr, never on stdout', async () => {
    const stderr = fakeStderr(true)
    const stdout = watchStdout()
    const ran: string[] = []
    await runSteps(recordingSteps(ran), {mode: 'auto', stream: stderr})
    expect(stdout()).toBe('')
    expect(ran).toEqual(['namespaces', 'quotas'])
    expect(stderr.text()).toContain('List namespaces')
    expect(stderr.text()).toContain('Read quotas')
  })

  test('auto on a terminal rethrows the very same error and shows the failure on stderr', async () => {
    const stderr = fakeStderr(true)
    const stdout = watchStdout()
    const failure = new UsageError('INVALID_FLAG', 'bad --warn')
    await expect(
      runSteps([{title: 'Check flags', run: () => Promise.reject(failure)}], {mode: 'auto', stream: stderr}),
    ).rejects.toBe(failure)
    expect(stdout()).toBe('')
    expect(stderr.text()).toContain('bad --warn')
  })
})
