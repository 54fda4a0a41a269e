import type {KubeObject} from '@kubeline/core'
import type {Pod, PodSpec, RawResourceList, RuntimeClass} from './kubernetes-objects.js'
import {parseResourceList} from './resource-list.js'

/** The RuntimeClasses a plan knows: the cluster's (when read) and the manifests'. */
export interface KnownRuntimeClasses {
  byName: ReadonlyMap<string, RuntimeClass>
  /**
   * `byName` holds every RuntimeClass of the cluster (they were listed), so a name it lacks does not
   * exist. False offline or when the list was forbidden: such a name may still exist in the cluster.
   */
  complete: boolean
}

/** None known: a pod naming a RuntimeClass gets a note. */
export const NO_KNOWN_RUNTIME_CLASSES: KnownRuntimeClasses = {byName: new Map(), complete: false}

/** The pod as the RuntimeClass admission plugin leaves it, or its refusal in the API server's words. */
export type RuntimeClassAdmission = {pod: Pod; note?: string} | {refusal: string}

/**
 * The RuntimeClass admission plugin on a new pod (kubernetes plugin/pkg/admission/runtimeclass
 * admission.go: Admit's setOverhead, then Validate's validateOverhead on the result):
 * - a runtimeClassName no RuntimeClass has: refused, `pod rejected: RuntimeClass "x" not found`;
 *   unless `complete` is false, then the pod is left as it is, with a note;
 * - a RuntimeClass with `overhead`: the pod gets `overhead.podFixed` (none when podFixed is absent);
 *   a pod that already sets a non-empty overhead must match it (quantities compare by value, a
 *   missing key is not a zero), else `pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead`;
 * - no runtimeClassName, or a RuntimeClass whose `overhead` is absent or null: the pod is unchanged,
 *   and refused if it sets a non-empty overhead itself (`… Pod Overhead set without corresponding
 *   RuntimeClass defined Overhead`).
 * An empty `spec.overhead: {}` counts as unset, as upstream's `len(…) == 0`. Running it again on the
 * pod it admitted gives the same answer (Validate repeats the check after Admit).
 */
export function runtimeClassAdmission(pod: Pod, runtimeClasses: KnownRuntimeClasses): RuntimeClassAdmission {
  const name = pod.spec?.runtimeClassName
  const runtimeClass = typeof name === 'string' ? runtimeClasses.byName.get(name) : undefined
  if (typeof name === 'string' && runtimeClass === undefined) {
    if (runtimeClasses.complete) return {refusal: `pod rejected: RuntimeClass "${name}" not found`}
    return {pod, note: `RuntimeClass "${name}" is not among the manifests and the cluster's RuntimeClasses were not read: the pod overhead it may add is not charged`}
  }
  const overhead = runtimeClass?.overhead
  const podOverhead = pod.spec?.overhead ?? {}
  const setsOverhead = Object.keys(podOverhead).length > 0
  if (overhead === undefined || overhead === null) {
    return setsOverhead ? {refusal: 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead'} : {pod}
  }
  if (setsOverhead && !sameResourceList(podOverhead, overhead.podFixed ?? {})) {
    return {refusal: "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead"}
  }
  const {overhead: _replaced, ...rest} = pod.spec ?? {}
  const spec: PodSpec = overhead.podFixed === undefined || overhead.podFixed === null ? rest : {...rest, overhead: overhead.podFixed}
  return {pod: {...pod, spec}}
}

export function isRuntimeClass(object: KubeObject): object is RuntimeClass {
  return object.apiVersion === 'node.k8s.io/v1' && object.kind === 'RuntimeClass'
}

/**
 * Whether a manifest's pods name a RuntimeClass: a Pod, a workload's pod template, a CronJob's job
 * template. Read without interpreting the workload, so a manifest with invalid values cannot fail here.
 */
export function namesRuntimeClass(object: KubeObject): boolean {
  type Template = {spec?: PodSpec & {template?: Template; jobTemplate?: Template}}
  const spec = (object as Template).spec
  return [spec, spec?.template?.spec, spec?.jobTemplate?.spec?.template?.spec].some((podSpec) => typeof podSpec?.runtimeClassName === 'string')
}

/** apimachinery Semantic.DeepEqual on ResourceLists: the same keys, each quantity equal by value. */
function sameResourceList(a: RawResourceList, b: RawResourceList): boolean {
  const [left, right] = [parseResourceList(a), parseResourceList(b)]
  const keys = Object.keys(left)
  return keys.length === Object.keys(right).length && keys.every((key) => right[key] !== undefined && left[key]!.cmp(right[key]!) === 0)
}
