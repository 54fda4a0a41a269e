/**
 * Where the sandbox's simulated kubelet writes container output. The API server's
 * `pods/log` endpoint implements it (and streams appended lines to `follow=true` readers);
 * `close` means the container has terminated, so followers reach end of stream.
 */
export interface PodLogSink {
  append(namespace: string, pod: string, container: string, line: string): void
  close(namespace: string, pod: string, container: string): void
}

/** A sink that forgets everything, for stores started without a log endpoint. */
export const discardingLogSink: PodLogSink = {
  append: () => undefined,
  close: () => undefined,
}
