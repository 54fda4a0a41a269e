import {compareCodeUnits, KubelineError, RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject} from '@kubeline/core'
import type {Job} from '../domain/cron-job-types.js'

interface Pod extends KubeObject {
  spec?: {initContainers?: {name: string}[]; containers?: {name: string}[]}
  status?: {phase?: string}
}

interface LogOptions {
  write: (line: string) => void
  /** Told before each pod's log, with its attempt number (1 for the first pod). */
  onPod?: (pod: string, attempt: number) => void
  /** Resolves when the Job has finished (or the wait gave up). */
  done: Promise<unknown>
  signal: AbortSignal
}

/**
 * Stream the logs of a Job's pods as they start, one pod after another in the order they
 * appear (so a retried pod's output follows the failed attempt's). Lines are prefixed with
 * `[pod/container]` when a pod has several containers. When the Job is over, pods that
 * started but were not reached yet are read too, so a fast Job still shows its output.
 */
export async function streamJobLogs(kube: KubeClient, job: Job, options: LogOptions): Promise<void> {
  const streamed = new Set<string>()
  const where = {namespace: job.metadata.namespace, labelSelector: `batch.kubernetes.io/controller-uid=${job.metadata.uid}`}
  const jobOver = new AbortController()
  const endOfJob = () => jobOver.abort()
  // The wait reports its own failure; here it only means the Job is over.
  void options.done.then(endOfJob, endOfJob)
  const watchSignal = AbortSignal.any([options.signal, jobOver.signal])
  try {
    for await (const {type, object} of kube.watch<Pod>(RESOURCES.pods, {...where, signal: watchSignal})) {
      if (type !== 'DELETED' && hasStarted(object)) await streamPod(kube, object, streamed, options)
    }
  } catch (err) {
    if (!watchSignal.aborted) throw err
  }
  if (options.signal.aborted) return
  const rest = await kube.list<Pod>(RESOURCES.pods, where)
  const byAge = rest.items.sort((a, b) => compareCodeUnits(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? ''))
  for (const pod of byAge) if (hasStarted(pod)) await streamPod(kube, pod, streamed, options)
}

function hasStarted(pod: Pod): boolean {
  return ['Running', 'Succeeded', 'Failed'].includes(pod.status?.phase ?? '')
}

async function streamPod(kube: KubeClient, pod: Pod, streamed: Set<string>, options: LogOptions): Promise<void> {
  const name = pod.metadata.name as string
  if (streamed.has(name)) return
  streamed.add(name)
  options.onPod?.(name, streamed.size)
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((container) => container.name)
  const prefix = (container: string) => (containers.length > 1 ? `[${name}/${container}] ` : '')
  for (const container of containers) {
    try {
      for await (const line of kube.logs(name, {namespace: pod.metadata.namespace, container, follow: true, signal: options.signal})) {
        options.write(`${prefix(container)}${line}`)
      }
    } catch (err) {
      // History cleanup or a TTL may delete the pod mid-stream: its log simply ends.
      if (options.signal.aborted || (err instanceof KubelineError && err.code === 'NOT_FOUND')) continue
      throw err
    }
  }
}
