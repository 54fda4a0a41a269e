import {KubelineError, UsageError, formatSource, readManifests} from '@kubeline/core'
import type {KubeClient, KubeObject, SourcedObject} from '@kubeline/core'
import {isClusterScopedKind} from '../domain/object-count-usage.js'
import {quotaPlan, type QuotaPlan} from '../domain/quota-plan.js'
import {isRuntimeClass} from '../domain/runtime-class-overhead.js'
import {readPlanCluster} from './read-plan-cluster.js'

export interface QuotaPlanRequest {
  /** -f paths; "-" reads `stdin`. */
  files: string[]
  stdin?: NodeJS.ReadableStream
  /** -n; offline, the namespace of manifests that name none (default "default"). */
  namespace?: string
  /** --nodes: DaemonSet pods per DaemonSet instead of the cluster's node count. */
  nodeCount?: number
  now: Date
}

export interface QuotaPlanResult extends QuotaPlan {
  /** The context planned against; null offline. */
  context: string | null
  namespace: string
}

/**
 * Plan mode: read the manifests (exit 2 on malformed ones, before any request), then, unless
 * `connectToCluster` is undefined (--offline), read what the plan needs from the cluster;
 * offline, the ResourceQuotas, LimitRanges and RuntimeClasses among the manifests stand for the cluster.
 */
export async function planQuotaFit(request: QuotaPlanRequest, connectToCluster: (() => Promise<KubeClient>) | undefined): Promise<QuotaPlanResult> {
  const sourced = await readManifests(request.files, {stdin: request.stdin, validateBuiltIns: true, requireNames: true})
  if (request.namespace !== undefined) refuseOtherNamespaces(sourced, request.namespace)
  const kube = connectToCluster === undefined ? undefined : await connectToCluster()
  const namespace = kube?.namespace ?? request.namespace ?? 'default'
  const placed = sourced.map(({object, source}) => ({object: inNamespace(object, namespace), source}))
  const cluster = kube === undefined ? undefined : await readPlanCluster(kube, placed.map(({object}) => object), {nodeCount: request.nodeCount})
  // Offline the cluster's RuntimeClasses are unknown: one the manifests lack may exist there, so naming it gets a note, not a refusal.
  const options = {namespace, nodeCount: request.nodeCount, now: request.now, offline: kube === undefined, clusterRuntimeClassesListed: cluster?.runtimeClassesListed ?? false}
  // Offline, the quotas, LimitRanges and RuntimeClasses of the manifests are the cluster's state, not changes to it.
  const plan = withSourceOnBadManifest(placed, (objects) =>
    cluster === undefined
      ? quotaPlan(objects.filter((object) => !isOfflineClusterObject(object)), objects.filter(isOfflineClusterObject), options)
      : quotaPlan(objects, cluster.objects, options),
  )
  return {context: kube?.contextName ?? null, namespace, ...plan, notes: [...(cluster?.notes ?? []), ...plan.notes]}
}

/**
 * `kubectl apply -n X -f` refuses an object of another namespace (cli-runtime resource/visitor.go
 * RequireNamespace, when the namespace was given), so its plan does too, in the same words.
 */
function refuseOtherNamespaces(manifests: readonly SourcedObject[], namespace: string): void {
  const other = manifests.find(({object}) => (object.metadata.namespace ?? '') !== '' && object.metadata.namespace !== namespace && !isClusterScopedKind(object.kind))
  if (other === undefined) return
  const theirs = other.object.metadata.namespace ?? ''
  throw new UsageError(
    'INVALID_MANIFEST',
    `${formatSource(other.source)}: the namespace from the provided object "${theirs}" does not match the namespace "${namespace}". You must pass '--namespace=${theirs}' to perform this operation.`,
  )
}

function inNamespace(object: KubeObject, namespace: string): KubeObject {
  if (object.metadata.namespace !== undefined || isClusterScopedKind(object.kind)) return object
  return {...object, metadata: {...object.metadata, namespace}}
}

function isOfflineClusterObject(object: KubeObject): boolean {
  return (object.apiVersion === 'v1' && (object.kind === 'ResourceQuota' || object.kind === 'LimitRange')) || isRuntimeClass(object)
}

/** Errors in a manifest's values that surface only in the accounting (a quantity, a rollingUpdate budget). */
type ManifestValueError = KubelineError & {code: 'INVALID_QUANTITY' | 'INVALID_MANIFEST'}

/**
 * An invalid value surfaces deep inside the accounting; plan each manifest alone to find the one
 * that holds it, so the error points at its file:line.
 */
function withSourceOnBadManifest(manifests: readonly SourcedObject[], plan: (objects: KubeObject[]) => QuotaPlan): QuotaPlan {
  try {
    return plan(manifests.map(({object}) => object))
  } catch (err) {
    if (!isManifestValueError(err)) throw err
    const culprit = manifests.find(({object}) => throwsManifestValueError(() => plan([object])))
    if (culprit === undefined) throw err
    const {object, source} = culprit
    throw new UsageError(err.code, `${formatSource(source)}: ${object.kind} ${object.metadata.name ?? ''}: ${err.message}`, {cause: err, ...(err.fix === undefined ? {} : {fix: err.fix})})
  }
}

function isManifestValueError(err: unknown): err is ManifestValueError {
  return err instanceof KubelineError && (err.code === 'INVALID_QUANTITY' || err.code === 'INVALID_MANIFEST')
}

function throwsManifestValueError(run: () => unknown): boolean {
  try {
    run()
    return false
  } catch (err) {
    return isManifestValueError(err)
  }
}
