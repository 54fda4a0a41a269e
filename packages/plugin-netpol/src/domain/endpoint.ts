import type {LabelSet} from '@kubeline/core'
import type {IpAddress} from './cidr.js'
import type {NamedContainerPort} from './port-matcher.js'

/** A pod as the matchers see it: its labels, its namespace's labels, its IPs and named ports. */
export interface PodEndpoint {
  kind: 'pod'
  namespace: string
  name: string
  labels: LabelSet
  namespaceLabels: LabelSet
  /** Host-network pods are node traffic: selectors never match them, ipBlocks match their (node) IPs. */
  hostNetwork: boolean
  ips: readonly IpAddress[]
  namedPorts: readonly NamedContainerPort[]
}

/** An address outside the pod network (or not known as a pod): only ipBlock / networks peers match it. */
export interface ExternalEndpoint {
  kind: 'external'
  ip: IpAddress
  text: string
}

export type Endpoint = PodEndpoint | ExternalEndpoint

export function endpointName(endpoint: Endpoint): string {
  return endpoint.kind === 'pod' ? `${endpoint.namespace}/${endpoint.name}` : endpoint.text
}
