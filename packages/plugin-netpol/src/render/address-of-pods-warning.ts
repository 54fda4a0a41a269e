import type {AddressOfPods} from '../services/check-traffic.js'

/** The stderr warning for `check --from ip:<a pod's IP>`: the verdict is for an address, not for the pod. */
export function addressOfPodsWarning({flag, address, pods}: AddressOfPods): string {
  const [first = ''] = pods
  const owners = pods.length === 1 ? `pod ${first}` : `pods ${pods.join(', ')}`
  return `${flag} ip:${address} is the address of ${owners}, but ip: is evaluated as an address outside the pod network, where only ipBlock peers match: for the pod, pass ${flag} ${first}`
}
