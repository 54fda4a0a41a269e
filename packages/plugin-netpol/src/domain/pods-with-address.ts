import {parseIpAddress} from './cidr.js'
import type {IpAddress} from './cidr.js'
import type {PodObject} from './kube-objects.js'

/**
 * The pods (`ns/name`, in the order given) whose status lists `address`: `ip:` names an address
 * outside the pod network, so such an address is evaluated as something it is not. Host-network
 * pods are left out: their IP is their node's, and node traffic is what `ip:` evaluates.
 */
export function podsWithAddress(pods: readonly PodObject[], address: string): string[] {
  const wanted = parseIpAddress(address)
  if (wanted === undefined) return []
  return pods.filter((pod) => pod.spec?.hostNetwork !== true && podAddresses(pod).some((ip) => sameAddress(ip, wanted))).map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`)
}

function podAddresses(pod: PodObject): IpAddress[] {
  const texts = [...(pod.status?.podIPs ?? []).map((entry) => entry.ip), ...(pod.status?.podIP === undefined ? [] : [pod.status.podIP])]
  return texts.flatMap((text) => parseIpAddress(text) ?? [])
}

function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family && a.value === b.value
}
