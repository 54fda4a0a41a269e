import {expect, test} from 'vitest'
import {tarGzArchive} from './tar-gz-archive.js'
import {ARCHIVE_TIME as mtime, licenseEntry as license, readArchive} from './test-support/read-archive.js'

const executable = {name: 'kubectl-cron_trigger', data: Buffer.from('#!/usr/bin/env node\n'.repeat(100)), mode: 0o755}

/** GNU tar on the archive, times in UTC. */
const tar = (archive: Buffer, ...args: string[]) => readArchive(archive, 'tar', args, {fileFlag: '-f', timeZone: 'UTC'})

test('the bytes depend on the entries and the time only, not on their order', () => {
  expect(tarGzArchive([executable, license], mtime).equals(tarGzArchive([license, executable], mtime))).toBe(true)
  expect(tarGzArchive([executable, license], mtime).equals(tarGzArchive([executable, license], new Date('2026-11-24T12:13:01Z')))).toBe(false)
})

test('tar lists the entries sorted, owned by 0/0, with their modes and the given time', () => {
  expect(tar(tarGzArchive([executable, license], mtime), '--numeric-owner', '-tvz')).toBe([
    '-rw-r--r-- 0/0              15 2026-11-24 12:13 LICENSE\n',
    '-rwxr-xr-x 0/0            2000 2026-11-24 12:13 kubectl-cron_trigger\n',
  ].join(''))
})

test('tar extracts the same bytes', () => {
  expect(tar(tarGzArchive([executable, license], mtime), '-xzO', 'kubectl-cron_trigger')).toBe(executable.data.toString())
})

test('the gzip header has no time and no file name, and says Unix', () => {
  const gzip = tarGzArchive([license], mtime)
  expect([...gzip.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]) // deflate, no FNAME/FCOMMENT/FEXTRA flags
  expect(gzip.readUInt32LE(4)).toBe(0)
  expect(gzip[9]).toBe(3)
})

test('a name over 100 bytes is refused rather than cut', () => {
  expect(() => tarGzArchive([{...license, name: 'x'.repeat(101)}], mtime)).toThrow(/over 100 bytes/)
})
