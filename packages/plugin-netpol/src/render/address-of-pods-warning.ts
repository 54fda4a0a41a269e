import type {AddressOfPods, EndpointPlace} from '../services/addresses-of-pods.js'

/** The stderr warning for `ip:<a pod's IP>` (check's `--from`/`--to`, a suite's case): the verdict is for an address, not for the pod. */
export function addressOfPodsWarning({place, address, pods}: AddressOfPods): string {
  const [first = ''] = pods
  const owners = pods.length === 1 ? `pod ${first}` : `pods ${pods.join(', ')}`
  const {written, fix} = wordingOf(place, address, first)
  return `${written} is the address of ${owners}, but ip: is evaluated as an address outside the pod network, where only ipBlock peers match: for the pod, ${fix}`
}

/** The endpoint as it was written, and how to name the pod there instead. */
function wordingOf(place: EndpointPlace, address: string, pod: string): {written: string; fix: string} {
  if ('flag' in place) return {written: `${place.flag} ip:${address}`, fix: `pass ${place.flag} ${pod}`}
  return {written: `${place.field}: ip:${address} (case "${place.testCase}" of suite ${place.suite})`, fix: `write ${place.field}: ${pod}`}
}
