import {randomBytes} from 'node:crypto'
import {KubelineError, RESOURCES} from '@kubeline/core'
import type {KubeClient, KubeObject} from '@kubeline/core'
import {parseProbeOutput} from '../domain/probe-output.js'
import {probeContainer} from '../domain/probe-program.js'
import type {ProbeTarget} from '../domain/probe-target.js'
import type {Prober, ProbeSource} from './prober.js'
import {ProbeRunError} from './prober.js'

export interface EphemeralProberOptions {
  image: string
  /** Per connection attempt, as agnhost connect --timeout. */
  timeoutSeconds: number
  /** How long the container may take to start (pulling the image) before the probes count as errors. */
  startTimeoutMs: number
  /** The ephemeral container's name; random by default, as kubectl debug's. */
  containerName?: () => string
}

interface ContainerState {
  waiting?: {reason?: string; message?: string}
  running?: object
  terminated?: {exitCode: number; reason?: string; message?: string}
}

type PodWithStatus = KubeObject & {
  status?: {phase?: string; ephemeralContainerStatuses?: readonly {name: string; state?: ContainerState}[]}
}

/** Waiting reasons after which the container will not start by itself. */
const STUCK = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError'])

/**
 * Probes through one ephemeral container per source pod and round (`kubectl debug`'s mechanism,
 * as NetAssert does): the container runs probe-program.ts's loop over every target, then its log
 * is read. Ephemeral containers cannot be removed: each round leaves one, terminated, in the pod's spec.
 */
export function ephemeralProber(kube: KubeClient, options: EphemeralProberOptions): Prober {
  const containerName = options.containerName ?? (() => `kubeline-probe-${randomBytes(4).toString('hex').slice(0, 5)}`)
  return {
    via: 'ephemeral',
    async probe(source: ProbeSource, targets: readonly ProbeTarget[]) {
      const name = containerName()
      await addContainer(kube, source, probeContainer(name, options.image, targets, options.timeoutSeconds))
      const runMs = targets.length * (options.timeoutSeconds * 1000 + 1000)
      await waitForExit(kube, source, name, options.startTimeoutMs + runMs)
      const lines: string[] = []
      for await (const line of kube.logs(source.name, {namespace: source.namespace, container: name})) lines.push(line)
      return parseProbeOutput(lines)
    },
  }
}

/** As kubectl patch: a conflict (the pod changed under the server's update) is retried a few times. */
const PATCH_ATTEMPTS = 5

async function addContainer(kube: KubeClient, source: ProbeSource, container: object): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Merged by name: sent again after a conflict, the same container is the same change.
      await kube.patch(RESOURCES.pods, source.name, {spec: {ephemeralContainers: [container]}}, {
        namespace: source.namespace,
        subresource: 'ephemeralcontainers',
        patchType: 'strategic',
      })
      return
    } catch (err) {
      if (err instanceof KubelineError && err.code === 'CONFLICT' && attempt < PATCH_ATTEMPTS) continue
      // The pod went away, or the cluster refuses ephemeral containers for it: that pod's probes fail, not the run.
      if (err instanceof KubelineError && ['NOT_FOUND', 'INVALID_OBJECT'].includes(err.code)) throw new ProbeRunError(`cannot add the probe container: ${err.message}`)
      throw err
    }
  }
}

/** Watches the pod until the container has terminated with exit 0; anything else is a ProbeRunError. */
async function waitForExit(kube: KubeClient, source: ProbeSource, name: string, timeoutMs: number): Promise<void> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), timeoutMs)
  try {
    const events = kube.watch<PodWithStatus>(RESOURCES.pods, {namespace: source.namespace, fieldSelector: `metadata.name=${source.name}`, signal: abort.signal})
    for await (const event of events) {
      if (event.type === 'DELETED') throw new ProbeRunError(`pod ${source.namespace}/${source.name} was deleted while probing`)
      if (containerDone(event.object, name)) return
    }
  } finally {
    clearTimeout(timer)
    abort.abort()
  }
  throw new ProbeRunError(`the probe container ${name} did not finish within ${Math.round(timeoutMs / 1000)}s`)
}

function containerDone(pod: PodWithStatus, name: string): boolean {
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new ProbeRunError(`pod ${pod.metadata.namespace}/${pod.metadata.name} is not running (${phase})`)
  const state = pod.status?.ephemeralContainerStatuses?.find((status) => status.name === name)?.state
  if (state?.waiting?.reason !== undefined && STUCK.has(state.waiting.reason)) {
    throw new ProbeRunError(`the probe container cannot start: ${state.waiting.reason}${state.waiting.message ? `: ${state.waiting.message}` : ''}`)
  }
  const terminated = state?.terminated
  if (terminated === undefined) return false
  if (terminated.exitCode !== 0) {
    const reason = [terminated.reason, terminated.message].filter(Boolean).join(': ')
    throw new ProbeRunError(`the probe container exited with code ${terminated.exitCode}${reason ? ` (${reason})` : ''}: does its image have /bin/sh and /agnhost?`)
  }
  return true
}
