type LineListener = (line: string) => void

interface ContainerLog {
  lines: string[]
  followers: Set<LineListener>
  finished: boolean
  finishListeners: Set<() => void>
}

/**
 * The log lines of each pod's containers, written by the controllers and the fixture
 * (`append`) and read by `GET pods/log`, which can follow new lines until `close` is called.
 */
export class PodLogs {
  private readonly logs = new Map<string, ContainerLog>()

  append(namespace: string, pod: string, container: string, line: string): void {
    const log = this.log(namespace, pod, container)
    log.lines.push(line)
    for (const follower of log.followers) follower(line)
  }

  /** The container has terminated: followers get no more lines and their streams end. */
  close(namespace: string, pod: string, container: string): void {
    const log = this.log(namespace, pod, container)
    log.finished = true
    for (const listener of log.finishListeners) listener()
    log.finishListeners.clear()
    log.followers.clear()
  }

  lines(namespace: string, pod: string, container: string): readonly string[] {
    return this.logs.get(logKey(namespace, pod, container))?.lines ?? []
  }

  isFinished(namespace: string, pod: string, container: string): boolean {
    return this.logs.get(logKey(namespace, pod, container))?.finished ?? false
  }

  /** Calls onLine for each new line and onFinish once when the container finishes. Returns a stop function. */
  follow(namespace: string, pod: string, container: string, onLine: LineListener, onFinish: () => void): () => void {
    const log = this.log(namespace, pod, container)
    if (log.finished) {
      onFinish()
      return () => {}
    }
    log.followers.add(onLine)
    log.finishListeners.add(onFinish)
    return () => {
      log.followers.delete(onLine)
      log.finishListeners.delete(onFinish)
    }
  }

  /** Forgets a deleted pod's logs. */
  forget(namespace: string, pod: string): void {
    const prefix = logKey(namespace, pod, '')
    for (const key of this.logs.keys()) if (key.startsWith(prefix)) this.logs.delete(key)
  }

  private log(namespace: string, pod: string, container: string): ContainerLog {
    const key = logKey(namespace, pod, container)
    let log = this.logs.get(key)
    if (!log) this.logs.set(key, (log = {lines: [], followers: new Set(), finished: false, finishListeners: new Set()}))
    return log
  }
}

function logKey(namespace: string, pod: string, container: string): string {
  return `${namespace}/${pod}/${container}`
}
