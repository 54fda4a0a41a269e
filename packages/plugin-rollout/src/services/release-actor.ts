import os from 'node:os'

/** Who drives: user@host, recorded as the author of state changes and as the lock holder. */
export function releaseActor(): string {
  return `${os.userInfo().username}@${os.hostname()}`
}
