import {EventEmitter} from 'node:events'
import {afterEach, expect, test, vi} from 'vitest'
import {exitOnClosedStdout} from './closed-stdout.js'

afterEach(() => {
  vi.restoreAllMocks()
})

function fakeStdout(): NodeJS.WriteStream {
  return new EventEmitter() as NodeJS.WriteStream
}

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), {code})
}

test('EPIPE (the reader is gone) exits 0', () => {
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
  const stdout = fakeStdout()
  exitOnClosedStdout(stdout)
  stdout.emit('error', failure('EPIPE'))
  expect(exit).toHaveBeenCalledWith(0)
})

test('any other stdout error stays an error', () => {
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
  const stdout = fakeStdout()
  exitOnClosedStdout(stdout)
  expect(() => stdout.emit('error', failure('EIO'))).toThrow('write EIO')
  expect(exit).not.toHaveBeenCalled()
})

test('start-up and the command both ask for it: one listener', () => {
  const stdout = fakeStdout()
  exitOnClosedStdout(stdout)
  exitOnClosedStdout(stdout)
  expect(stdout.listenerCount('error')).toBe(1)
})
