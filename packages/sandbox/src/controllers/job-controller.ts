import {isDeepStrictEqual} from 'node:util'
import type {KubeObject, ObjectStore, SandboxClock} from '../store/object-store.js'
import type {ControllerOptions, ResolvedControllerOptions} from './controller-options.js'
import {resolveControllerOptions} from './controller-options.js'
import type {JobCondition, JobOutcome} from './job-conditions.js'
import {JOB_OUTCOMES, finishedConditions, isJobFinished, jobFinishedAt, setSuspendedCondition} from './job-conditions.js'
import {kubeTime, parseKubeTime} from './kube-time.js'
import {isControlledBy} from './owner-references.js'
import type {PodTemplate} from './pod-from-template.js'
import {podFromTemplate} from './pod-from-template.js'
import {isPodReady, isPodTerminal, podPhase} from './pod-status.js'
import {objectKey} from './reconcile-queue.js'
import type {Reconciler} from './reconciler.js'
import {startReconciler} from './reconciler.js'
import {JOBS, PODS} from './resource-keys.js'
import {SANDBOX_ANNOTATIONS} from './sandbox-annotations.js'

interface JobSpec {
  parallelism?: number
  completions?: number | null
  backoffLimit?: number
  activeDeadlineSeconds?: number
  ttlSecondsAfterFinished?: number
  suspend?: boolean
  template?: PodTemplate
}

interface JobStatus {
  active?: number
  ready?: number
  succeeded?: number
  failed?: number
  terminating?: number
  startTime?: string
  completionTime?: string
  conditions?: JobCondition[]
  uncountedTerminatedPods?: object
}

/** Upstream caps the pod replacement back-off at 6 minutes from a 10 s base: 36 times the base. */
const MAX_BACKOFF_FACTOR = 36

/**
 * Runs Jobs: creates pods (one per attempt, as with restartPolicy Never) up to
 * parallelism, replaces failed ones with exponential back-off until backoffLimit,
 * enforces activeDeadlineSeconds, honours suspend, and deletes finished Jobs after
 * ttlSecondsAfterFinished. How each pod ends is up to its annotations (pod-run-plan.ts).
 */
export function startJobController(store: ObjectStore, clock: SandboxClock, controllerOptions?: ControllerOptions): () => void {
  const options = resolveControllerOptions(controllerOptions)
  const reconciler = startReconciler(store, clock, options, {
    name: 'job',
    primary: JOBS,
    owned: [{key: PODS, ownerKind: 'Job'}],
    reconcile: (namespace, name, self) => {
      const job = store.get(JOBS, namespace, name)
      if (job) reconcileJob({store, nowMs: clock.now().getTime(), job, reconciler: self, options})
    },
  })
  return reconciler.stop
}

interface JobContext {
  store: ObjectStore
  nowMs: number
  job: KubeObject
  reconciler: Reconciler
  options: ResolvedControllerOptions
}

function reconcileJob(context: JobContext): void {
  const {store, nowMs, job} = context
  const spec = (job.spec as JobSpec | undefined) ?? {}
  const status = (job.status as JobStatus | undefined) ?? {}
  const conditions = status.conditions ?? []
  if (isJobFinished(conditions)) return expireFinished(context, spec, conditions)

  const pods = context.reconciler.list(PODS, job.metadata.namespace).filter((pod) => isControlledBy(pod, job))
  const active = pods.filter((pod) => !isPodTerminal(pod) && !pod.metadata.deletionTimestamp)
  const succeeded = Math.max(status.succeeded ?? 0, pods.filter((pod) => podPhase(pod) === 'Succeeded').length)
  const failed = Math.max(status.failed ?? 0, pods.filter((pod) => podPhase(pod) === 'Failed').length)

  if (spec.suspend) {
    deletePods(store, active)
    return writeStatus(store, job, {...status, ...counters(0, 0, succeeded, failed), conditions: setSuspendedCondition(conditions, true, nowMs)})
  }
  const resumed = conditions.some((c) => c.type === 'Suspended' && c.status === 'True')
  const startMs = !status.startTime || resumed ? nowMs : (parseKubeTime(status.startTime) ?? nowMs)
  const running = {startTime: kubeTime(startMs), conditions: setSuspendedCondition(conditions, false, nowMs), uncountedTerminatedPods: {}}

  const outcome = jobOutcome(spec, {startMs, nowMs, succeeded, failed, active: active.length})
  if (outcome) {
    deletePods(store, active)
    const failedNow = outcome.success ? failed : failed + active.length
    writeStatus(store, job, {
      ...running,
      ...counters(0, 0, succeeded, failedNow),
      ...(outcome.success ? {completionTime: kubeTime(nowMs)} : {}),
      conditions: finishedConditions(running.conditions, outcome, nowMs),
    })
    return
  }

  const key = objectKey(job.metadata.namespace, job.metadata.name ?? '')
  if (spec.activeDeadlineSeconds !== undefined) context.reconciler.requeueAt(key, startMs + spec.activeDeadlineSeconds * 1000)
  const created = createMissingPods(context, spec, {active: active.length, succeeded, failed, pods})
  writeStatus(store, job, {...running, ...counters(active.length + created, active.filter(isPodReady).length, succeeded, failed)})
}

function jobOutcome(spec: JobSpec, counts: {startMs: number; nowMs: number; succeeded: number; failed: number; active: number}): JobOutcome | undefined {
  if (spec.activeDeadlineSeconds !== undefined && counts.nowMs >= counts.startMs + spec.activeDeadlineSeconds * 1000) return JOB_OUTCOMES.deadlineExceeded
  if (counts.failed > (spec.backoffLimit ?? 6)) return JOB_OUTCOMES.backoffLimitExceeded
  const completions = spec.completions ?? undefined
  const complete = completions === undefined ? counts.succeeded > 0 && counts.active === 0 : counts.succeeded >= completions
  return complete ? JOB_OUTCOMES.completionsReached : undefined
}

/** Creates pods up to parallelism, after the back-off that follows a failure. Returns how many. */
function createMissingPods(context: JobContext, spec: JobSpec, counts: {active: number; succeeded: number; failed: number; pods: KubeObject[]}): number {
  const {store, job, nowMs, options} = context
  const parallelism = spec.parallelism ?? 1
  const completions = spec.completions ?? undefined
  const wanted = completions === undefined ? (counts.succeeded > 0 ? 0 : parallelism) : Math.min(parallelism, completions - counts.succeeded)
  const missing = wanted - counts.active
  if (missing <= 0) return 0
  if (counts.failed > 0) {
    const delayMs = options.jobBackoffBaseMs * Math.min(2 ** (counts.failed - 1), MAX_BACKOFF_FACTOR)
    const retryAt = lastFailureAt(counts.pods) + delayMs
    if (nowMs < retryAt) {
      context.reconciler.requeueAt(objectKey(job.metadata.namespace, job.metadata.name ?? ''), retryAt)
      return 0
    }
  }
  const uid = job.metadata.uid ?? ''
  const name = job.metadata.name ?? ''
  const labels = {'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name}
  for (let i = 0; i < missing; i++) {
    store.create(PODS, podFromTemplate(job, spec.template ?? {}, {labels, annotations: {[SANDBOX_ANNOTATIONS.attempt]: String(counts.failed)}}))
  }
  return missing
}

function expireFinished({store, nowMs, job, reconciler}: JobContext, spec: JobSpec, conditions: JobCondition[]): void {
  const finishedAt = jobFinishedAt(conditions)
  if (spec.ttlSecondsAfterFinished === undefined || finishedAt === undefined) return
  const expiresAt = finishedAt + spec.ttlSecondsAfterFinished * 1000
  if (nowMs >= expiresAt) store.delete(JOBS, job.metadata.namespace, job.metadata.name ?? '')
  else reconciler.requeueAt(objectKey(job.metadata.namespace, job.metadata.name ?? ''), expiresAt)
}

function lastFailureAt(pods: KubeObject[]): number {
  const finishedTimes = pods
    .filter((pod) => podPhase(pod) === 'Failed')
    .flatMap((pod) => (pod.status as {containerStatuses?: {state?: {terminated?: {finishedAt?: string}}}[]}).containerStatuses ?? [])
    .map((c) => parseKubeTime(c.state?.terminated?.finishedAt) ?? 0)
  return Math.max(0, ...finishedTimes)
}

/** Upstream omits zero active/succeeded/failed (omitempty) but always writes ready and terminating. */
function counters(active: number, ready: number, succeeded: number, failed: number): JobStatus {
  return {
    active: active || undefined,
    ready,
    succeeded: succeeded || undefined,
    failed: failed || undefined,
    terminating: 0,
  }
}

function deletePods(store: ObjectStore, pods: KubeObject[]): void {
  for (const pod of pods) store.delete(PODS, pod.metadata.namespace, pod.metadata.name ?? '')
}

function writeStatus(store: ObjectStore, job: KubeObject, status: JobStatus): void {
  const compact = JSON.parse(JSON.stringify(status)) as JobStatus
  if (!isDeepStrictEqual(compact, job.status ?? {})) store.updateStatus(JOBS, {...job, status: compact})
}
