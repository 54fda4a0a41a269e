/**
 * What a plugin's bin/run.js does before anything else. Kept free of imports
 * beyond node: builtins so that it costs nothing at start-up.
 */
import module from 'node:module'
import path from 'node:path'

const MIN_MAJOR = 22
const MIN_MINOR = 20

/** Exit 1 with a clear message on a Node.js older than the one the stack needs. */
export function checkNodeVersion(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  if (major > MIN_MAJOR || (major === MIN_MAJOR && minor >= MIN_MINOR)) return
  const bin = path.basename(process.argv[1] ?? 'kubectl plugin')
  process.stderr.write(
    `error: ${bin} needs Node.js >= ${MIN_MAJOR}.${MIN_MINOR}, but this is Node.js ${process.version}.\n` +
      `Install a current Node.js, or run it through the repository's launcher (bin/) which uses the project's own Node.\n`,
  )
  process.exit(1)
}

/** Node's on-disk compile cache roughly halves the parse time of our bundles on a warm start. */
export function enableCompileCache(): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return
  module.enableCompileCache?.()
}
