/**
 * `| head` closes stdout once it has its lines: that is not an error. A Go or C tool dies of SIGPIPE
 * without a word; Node ignores SIGPIPE, so the write fails with EPIPE instead, and a run left waiting
 * for stdout to drain would end with "unsettled top-level await" (exit 13). Exit 0 at once, as kubectl
 * does. Any other stdout error stays an error.
 */
export function exitOnClosedStdout(stdout: NodeJS.WriteStream = process.stdout): void {
  if (!stdout.listeners('error').includes(onStdoutError)) stdout.on('error', onStdoutError)
}

function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE') throw err
  process.exit(0)
}
