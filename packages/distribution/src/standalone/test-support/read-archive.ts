import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The same entries in every archive test: an executable and a LICENSE, at one time. */
export const ARCHIVE_TIME = new Date('2026-11-24T12:13:00Z')
export const licenseEntry = {name: 'LICENSE', data: Buffer.from('Apache License\n'), mode: 0o644}

/**
 * Runs `tool` (tar, unzip) on the archive written to a file, in time zone `timeZone`, as a user's
 * tool would read it; `fileFlag` goes right before the file name (`-f` for tar).
 */
export function readArchive(archive: Buffer, tool: string, args: readonly string[], options: {fileFlag?: string; timeZone: string}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-archive-'))
  try {
    const file = path.join(dir, 'archive')
    fs.writeFileSync(file, archive)
    const fileArgs = options.fileFlag ? [options.fileFlag, file] : [file]
    return execFileSync(tool, [...args, ...fileArgs], {encoding: 'utf8', env: {...process.env, TZ: options.timeZone}})
  } finally {
    fs.rmSync(dir, {recursive: true, force: true})
  }
}
