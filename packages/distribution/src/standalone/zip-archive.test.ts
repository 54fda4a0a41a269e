import {expect, test} from 'vitest'
import {ARCHIVE_TIME as mtime, licenseEntry as license, readArchive} from './test-support/read-archive.js'
import {zipArchive} from './zip-archive.js'

const executable = {name: 'kubectl-cron_trigger.exe', data: Buffer.from('MZ'.repeat(1000)), mode: 0o755}

/** Info-ZIP's unzip on the archive, in a zone far from UTC: the zip has no extended timestamps, so the zone must not show. */
const unzip = (archive: Buffer, ...args: string[]) => readArchive(archive, 'unzip', args, {timeZone: 'America/New_York'})

test('the bytes depend on the entries and the time only, not on their order', () => {
  expect(zipArchive([executable, license], mtime).equals(zipArchive([license, executable], mtime))).toBe(true)
  expect(zipArchive([executable, license], mtime).equals(zipArchive([executable, license], new Date('2026-11-24T12:15:00Z')))).toBe(false)
})

test('zipinfo lists the entries sorted, with Unix modes and the time in UTC', () => {
  const lines = unzip(zipArchive([executable, license], mtime), '-Z').split('\n')
  expect(lines.filter((line) => /^-r/.test(line)).map((line) => line.replace(/\s+/g, ' '))).toEqual([
    '-rw-r--r-- 2.0 unx 15 b- defN 26-Nov-24 12:13 LICENSE',
    '-rwxr-xr-x 2.0 unx 2000 b- defN 26-Nov-24 12:13 kubectl-cron_trigger.exe',
  ])
})

test('unzip checks the CRCs and extracts the same bytes', () => {
  const archive = zipArchive([executable, license], mtime)
  expect(unzip(archive, '-t')).toMatch(/No errors detected/)
  expect(unzip(archive, '-p')).toBe(license.data.toString() + executable.data.toString())
})

test('a time before 1980, which a zip cannot say, becomes 1980-01-01 00:00', () => {
  expect(unzip(zipArchive([license], new Date(0)), '-Z', '-T')).toMatch(/19800101\.000000 LICENSE/)
})
