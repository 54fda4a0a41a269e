import type {PodLogSink} from '../pod-log-sink.js'

/** Keeps every log line and close, keyed "namespace/pod/container". */
export class RecordingLogSink implements PodLogSink {
  readonly lines = new Map<string, string[]>()
  readonly closed = new Set<string>()

  append(namespace: string, pod: string, container: string, line: string): void {
    const key = `${namespace}/${pod}/${container}`
    this.lines.set(key, [...(this.lines.get(key) ?? []), line])
  }

  close(namespace: string, pod: string, container: string): void {
    this.closed.add(`${namespace}/${pod}/${container}`)
  }
}
