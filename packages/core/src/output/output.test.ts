import tty from 'node:tty'
import {afterEach, describe, expect, test} from 'vitest'
import {Output} from './output.js'

describe('Output', () => {
  test('results go to stdout unchanged; messages go to stderr, one line each', () => {
    const captured = Output.capture()
    captured.output.result('NAME\nweb\n')
    captured.output.result('')
    captured.output.info('Fetched 3 namespaces')
    captured.output.warn('quota "compute" is at 95%\n')
    captured.output.error('namespace "prod" not found')
    captured.output.debug('GET /api/v1/namespaces')
    expect(captured.stdout).toBe('NAME\nweb\n')
    expect(captured.stderr).toBe('Fetched 3 namespaces\nWarning: quota "compute" is at 95%\nerror: namespace "prod" not found\n')
  })

  test('debug lines appear only with --debug', () => {
    const captured = Output.capture({debug: true})
    captured.output.debug('GET /api/v1/namespaces')
    expect(captured.output.debugEnabled).toBe(true)
    expect(captured.stderr).toBe('debug: GET /api/v1/namespaces\n')
  })

  test('escapes control characters in messages but keeps their line breaks', () => {
    const captured = Output.capture()
    captured.output.warn('server says\u001b]0;pwned\u0007\nsecond line')
    expect(captured.stderr).toBe('Warning: server says^[]0;pwned^G\nsecond line\n')
  })

  test('colours stderr prefixes only where colour is allowed, per stream', () => {
    const written = {stdout: '', stderr: ''}
    const output = new Output({
      stdout: {isTTY: false, write: (text) => (written.stdout += text)},
      stderr: {isTTY: true, write: (text) => (written.stderr += text)},
      env: {TERM: 'xterm'},
    })
    output.warn('w')
    output.error('e')
    expect(written.stderr).toBe('\u001b[33mWarning:\u001b[39m w\n\u001b[31merror:\u001b[39m e\n')
    expect(output.paint.stdout.red('x')).toBe('x')
    expect(output.paint.stderr.green('x')).toBe('\u001b[32mx\u001b[39m')
  })

  test('NO_COLOR keeps a terminal plain', () => {
    let stderr = ''
    const output = new Output({stdout: {write: () => true}, stderr: {isTTY: true, write: (text) => (stderr += text)}, env: {NO_COLOR: ''}})
    output.warn('w')
    expect(stderr).toBe('Warning: w\n')
  })

  describe('forProcess', () => {
    const stderrProperty = Object.getOwnPropertyDescriptor(process, 'stderr')!
    afterEach(() => Object.defineProperty(process, 'stderr', stderrProperty))

    /** Counts the reads of process.stderr (Node makes the stream on the first) and collects what is written. */
    function watchStderr(): {reads: number; written: string} {
      const watch = {reads: 0, written: ''}
      const stream = {write: (text: string) => ((watch.written += text), true)}
      Object.defineProperty(process, 'stderr', {configurable: true, get: () => (watch.reads++, stream)})
      return watch
    }

    test('touches process.stderr only when it writes there: making the stream costs start-up time', () => {
      const watch = watchStderr()
      const output = Output.forProcess()
      output.result('')
      expect(watch.reads).toBe(0)
      expect(output.wroteToStderr).toBe(false)
      output.warn('w')
      expect(watch.written).toBe(`${output.paint.stderr.yellow('Warning:')} w\n`)
      expect(output.wroteToStderr).toBe(true)
    })

    test('colours stderr as process.stderr.isTTY would: by whether fd 2 is a terminal', () => {
      watchStderr()
      const colour = tty.isatty(2) && process.env.TERM !== 'dumb' && process.env.NO_COLOR === undefined
      expect(Output.forProcess().paint.stderr.red('x')).toBe(colour ? '\u001b[31mx\u001b[39m' : 'x')
    })
  })
})
