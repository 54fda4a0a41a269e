import type {PodObject} from '../domain/kube-objects.js'
import {podsWithAddress} from '../domain/pods-with-address.js'
import type {EndpointSpec} from './endpoint-spec.js'

/** Where an endpoint was written: a flag of `check`, or a field of a suite's case (`run`). */
export type EndpointPlace = {flag: '--from' | '--to'} | {field: 'from' | 'to'; testCase: string; suite: string}

/** An `ip:` endpoint that is the address of pods: evaluated as an address all the same (the user may have meant the pod). */
export interface AddressOfPods {
  place: EndpointPlace
  address: string
  pods: string[]
}

/** The `ip:` endpoints that are the addresses of pods, each address once: where it is first written. */
export function addressesOfPods(pods: readonly PodObject[], endpoints: Iterable<{place: EndpointPlace; spec: EndpointSpec}>): AddressOfPods[] {
  const found = new Map<string, AddressOfPods>()
  for (const {place, spec} of endpoints) {
    if (spec.kind !== 'ip' || found.has(spec.ip)) continue
    const owners = podsWithAddress(pods, spec.ip)
    if (owners.length > 0) found.set(spec.ip, {place, address: spec.ip, pods: owners})
  }
  return [...found.values()]
}
