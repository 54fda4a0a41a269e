import {describe, expect, test} from 'vitest'
import type {Pod, RuntimeClass} from './kubernetes-objects.js'
import {namesRuntimeClass, runtimeClassAdmission, type KnownRuntimeClasses} from './runtime-class-overhead.js'
import {pod} from './test-support/pod-builders.js'

const runtimeClass = (name: string, overhead?: RuntimeClass['overhead']): RuntimeClass => ({
  apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: {name}, handler: name, ...(overhead === undefined ? {} : {overhead}),
})
const kataOverhead = {cpu: '250m', memory: '160Mi'}
const classes = [
  runtimeClass('kata', {podFixed: kataOverhead}),
  runtimeClass('runc'),
  runtimeClass('null-overhead', null),
  runtimeClass('empty-overhead', {}),
]
const known = (complete: boolean): KnownRuntimeClasses => ({byName: new Map(classes.map((rc) => [rc.metadata.name!, rc])), complete})
const podWith = (runtimeClassName?: string | null, overhead?: Record<string, string>): Pod =>
  pod({containers: [{name: 'app'}], ...(runtimeClassName === undefined ? {} : {runtimeClassName}), ...(overhead === undefined ? {} : {overhead})})

const NOT_FOUND = 'pod rejected: RuntimeClass "gvisor" not found'
const MISMATCH = "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead"
const WITHOUT_CLASS = 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead'

// Upstream plugin/pkg/admission/runtimeclass/admission.go: Admit (prepareObjects, setOverhead), then Validate (validateOverhead).
describe('runtimeClassAdmission', () => {
  test.each([
    {name: 'no runtimeClassName, no overhead: unchanged', pod: podWith(), overhead: undefined},
    {name: 'runtimeClassName null is no name', pod: podWith(null), overhead: undefined},
    {name: 'no runtimeClassName, an empty overhead is no overhead', pod: podWith(undefined, {}), overhead: {}},
    {name: 'a RuntimeClass with overhead sets it', pod: podWith('kata'), overhead: kataOverhead},
    {name: 'an empty pod overhead is replaced by the RuntimeClass\'s', pod: podWith('kata', {}), overhead: kataOverhead},
    {name: 'the same overhead in other units is accepted (quantities compare by value)', pod: podWith('kata', {cpu: '0.25', memory: '167772160'}), overhead: kataOverhead},
    {name: 'a RuntimeClass without overhead leaves the pod unchanged', pod: podWith('runc'), overhead: undefined},
    {name: 'overhead: null is no overhead', pod: podWith('null-overhead'), overhead: undefined},
    {name: 'overhead without podFixed clears an empty pod overhead', pod: podWith('empty-overhead', {}), overhead: undefined},
  ])('$name', ({pod, overhead}) => {
    const admission = runtimeClassAdmission(pod, known(true))
    expect(admission).toEqual({pod: {...pod, spec: {...pod.spec, overhead}}})
  })

  test.each([
    {name: 'a RuntimeClass that does not exist', pod: podWith('gvisor'), refusal: NOT_FOUND},
    {name: 'a pod overhead that differs from the RuntimeClass\'s', pod: podWith('kata', {cpu: '1', memory: '160Mi'}), refusal: MISMATCH},
    {name: 'a pod overhead missing a key of the RuntimeClass\'s (absent is not zero)', pod: podWith('kata', {cpu: '250m'}), refusal: MISMATCH},
    {name: 'a pod overhead against a RuntimeClass overhead without podFixed', pod: podWith('empty-overhead', {cpu: '1'}), refusal: MISMATCH},
    {name: 'a pod overhead and a RuntimeClass without overhead', pod: podWith('runc', {cpu: '1'}), refusal: WITHOUT_CLASS},
    {name: 'a pod overhead without any RuntimeClass', pod: podWith(undefined, {cpu: '1'}), refusal: WITHOUT_CLASS},
  ])('refused: $name', ({pod, refusal}) => {
    expect(runtimeClassAdmission(pod, known(true))).toEqual({refusal})
  })

  test('a name not known while the cluster\'s RuntimeClasses were not read: unchanged, with a note instead of a refusal', () => {
    const gvisor = podWith('gvisor')
    expect(runtimeClassAdmission(gvisor, known(false))).toEqual({
      pod: gvisor,
      note: 'RuntimeClass "gvisor" is not among the manifests and the cluster\'s RuntimeClasses were not read: the pod overhead it may add is not charged',
    })
    expect(runtimeClassAdmission(podWith('kata'), known(false))).toEqual({pod: {...podWith('kata'), spec: {...podWith('kata').spec, overhead: kataOverhead}}})
  })

  test('the check is the same on the pod it admitted, as upstream Validate repeats it after Admit', () => {
    const admitted = runtimeClassAdmission(podWith('kata'), known(true))
    expect('pod' in admitted && runtimeClassAdmission(admitted.pod, known(true))).toEqual(admitted)
  })
})

describe('namesRuntimeClass', () => {
  const template = {spec: {runtimeClassName: 'kata', containers: []}}
  test.each([
    {name: 'a Pod', object: {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}, spec: template.spec}, want: true},
    {name: 'a Deployment\'s template', object: {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {template}}, want: true},
    {name: 'a CronJob\'s job template', object: {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name: 'c'}, spec: {jobTemplate: {spec: {template}}}}, want: true},
    {name: 'a template without one', object: {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}, spec: {template: {spec: {containers: []}}}}, want: false},
    {name: 'an object without a spec', object: {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c'}}, want: false},
  ])('$name: $want', ({object, want}) => {
    expect(namesRuntimeClass(object)).toBe(want)
  })
})
