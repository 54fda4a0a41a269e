import {KubelineError, RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject} from '@kubeline/core'
import type {ProbeAttempt} from '../domain/probe-output.js'
import {agnhostConnectCommand} from '../domain/probe-program.js'
import type {ProbeTarget} from '../domain/probe-target.js'
import {probeTargetText} from '../domain/probe-target.js'
import type {Prober, ProbeSource} from './prober.js'
import {ProbeRunError} from './prober.js'

export interface ExecProberOptions {
  timeoutSeconds: number
  /** Default: the pod's kubectl.kubernetes.io/default-container annotation, else its first container (as kubectl exec). */
  container?: string
}

/** kubectl's annotation naming the container `kubectl exec` and `logs` use by default. */
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

/** Slack beyond agnhost's own timeout before an exec is given up (the API round trip). */
const EXEC_SLACK_MS = 10_000

type PodWithContainers = KubeObject & {spec?: {containers?: readonly {name: string}[]}}

/**
 * Probes by exec in the source pod's own container, one `/agnhost connect` per target, as the
 * upstream conformance tests do: nothing is added to the pod, but its image must have agnhost.
 */
export function execProber(kube: KubeClient, options: ExecProberOptions): Prober {
  return {
    via: 'exec',
    async probe(source: ProbeSource, targets: readonly ProbeTarget[]) {
      const container = options.container ?? (await defaultContainer(kube, source))
      const attempts = new Map<string, ProbeAttempt>()
      for (const target of targets) attempts.set(probeTargetText(target), await connectOnce(kube, source, container, target, options.timeoutSeconds))
      return attempts
    },
  }
}

async function connectOnce(kube: KubeClient, source: ProbeSource, container: string, target: ProbeTarget, timeoutSeconds: number): Promise<ProbeAttempt> {
  const command = agnhostConnectCommand(target, timeoutSeconds)
  try {
    const signal = AbortSignal.timeout(timeoutSeconds * 1000 + EXEC_SLACK_MS)
    const {exitCode, stdout, stderr} = await kube.exec(source.name, {namespace: source.namespace, container, command, signal})
    if (exitCode === 0) return {connected: true, message: 'OK'}
    return {connected: false, message: oneLine(stderr || stdout) || `exit code ${exitCode}`}
  } catch (err) {
    // The pod cannot run agnhost (not in the image, container not running): its probes fail, the run goes on.
    if (err instanceof KubelineError && ['API_ERROR', 'NOT_FOUND', 'TIMEOUT'].includes(err.code)) {
      throw new ProbeRunError(`cannot run ${command[0]} in container "${container}" of pod ${source.namespace}/${source.name}: ${err.message}`)
    }
    throw err
  }
}

async function defaultContainer(kube: KubeClient, source: ProbeSource): Promise<string> {
  const pod = await kube.find<PodWithContainers>(RESOURCES.pods, source.name, {namespace: source.namespace})
  if (pod === undefined) throw new ProbeRunError(`pod ${source.namespace}/${source.name} no longer exists`)
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION]
  const first = pod.spec?.containers?.[0]?.name
  const container = annotated ?? first
  if (container === undefined) throw new ProbeRunError(`pod ${source.namespace}/${source.name} has no container to exec in`)
  return container
}

function oneLine(text: string): string {
  return text.split(/\s*\n\s*/).filter(Boolean).join(' ').trim()
}
