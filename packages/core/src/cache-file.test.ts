import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {isTemporary, readOrUndefined, userCacheDir, writeAtomically} from './cache-file.js'

let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-cache-file-test-'))
})

afterEach(() => {
  fs.rmSync(dir, {recursive: true, force: true})
})

describe('writeAtomically', () => {
  test('writes the file for this user only, leaving no temporary file', () => {
    const file = path.join(dir, 'entry')
    expect(writeAtomically(file, 'one')).toBe(true)
    expect(writeAtomically(file, 'two')).toBe(true)
    expect(readOrUndefined(file)?.toString()).toBe('two')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(dir)).toEqual(['entry'])
  })

  test('false, and nothing left behind, when the directory is gone', () => {
    expect(writeAtomically(path.join(dir, 'missing', 'entry'), 'x')).toBe(false)
    expect(fs.readdirSync(dir)).toEqual([])
  })

  test('a file being written is told apart from an entry', () => {
    expect(isTemporary(`entry.${process.pid}`)).toBe(true)
    expect(isTemporary('help-0123abcd0123abcd')).toBe(false)
  })
})

test('readOrUndefined: undefined for a missing file', () => {
  expect(readOrUndefined(path.join(dir, 'missing'))).toBeUndefined()
})

describe.runIf(process.getuid !== undefined)('userCacheDir', () => {
  test('a directory of this user only', () => {
    const made = userCacheDir({}, dir)
    expect(made).toBe(path.join(dir, `kubeline-code-cache-${process.getuid!()}`))
    expect(fs.statSync(made!).mode & 0o777).toBe(0o700)
  })

  test('none when others may write to it, or when Node compile caches are off', () => {
    const shared = path.join(dir, `kubeline-code-cache-${process.getuid!()}`)
    fs.mkdirSync(shared, {mode: 0o777})
    fs.chmodSync(shared, 0o777)
    expect(userCacheDir({}, dir)).toBeUndefined()
    expect(userCacheDir({NODE_DISABLE_COMPILE_CACHE: '1'}, os.tmpdir())).toBeUndefined()
  })
})
