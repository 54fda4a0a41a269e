/**
 * Files of the per-user caches (code-cache.ts, remembered-help.ts): several plugin processes may read
 * and write one at the same time. Imports node: builtins only: it runs at start-up.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A directory of this user's only (mode 0700, owned by the user), so that no one else can plant code
 * in it; undefined when it cannot be made so. Node's compile cache lives in the same temporary directory.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, tmpdir: string = os.tmpdir()): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined
  const uid = process.getuid?.()
  const dir = path.join(tmpdir, `kubeline-code-cache${uid === undefined ? '' : `-${uid}`}`)
  try {
    fs.mkdirSync(dir, {recursive: true, mode: 0o700})
    const stat = fs.statSync(dir)
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o077) !== 0)) return undefined
    return dir
  } catch {
    return undefined
  }
}

export function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file)
  } catch {
    return undefined
  }
}

/** Write `data` so that a reader sees the old file or the new one, never half of one; false when it could not. */
export function writeAtomically(file: string, data: Buffer | string): boolean {
  const temporary = `${file}.${process.pid}`
  try {
    fs.writeFileSync(temporary, data, {mode: 0o600})
    fs.renameSync(temporary, file)
    return true
  } catch {
    fs.rmSync(temporary, {force: true})
    return false
  }
}

/** A file being written by writeAtomically, which no reader or pruning should take for a cache. */
export const isTemporary = (name: string): boolean => /\.\d+$/.test(name)
