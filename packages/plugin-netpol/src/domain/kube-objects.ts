// The minimal shapes of the Kubernetes objects the engine reads: plain data as
// the API (or a manifest) returns it, only the fields that change a verdict.
import type {LabelSelectorObject} from '@kubeline/core'

export interface ObjectMetadata {
  name: string
  namespace?: string
  labels?: Readonly<Record<string, string>> | null
}

export interface ContainerPortObject {
  name?: string
  containerPort: number
  /** Defaults to TCP, as the API does. */
  protocol?: string
}

export interface ContainerObject {
  name?: string
  ports?: readonly ContainerPortObject[] | null
}

export interface InitContainerObject extends ContainerObject {
  /** `Always` makes it a native sidecar: it keeps running beside the app containers. */
  restartPolicy?: string | null
}

export interface PodObject {
  metadata: ObjectMetadata & {namespace: string}
  spec?: {
    hostNetwork?: boolean
    containers?: readonly ContainerObject[]
    initContainers?: readonly InitContainerObject[]
  }
  status?: {phase?: string; podIP?: string; podIPs?: readonly {ip: string}[] | null}
}

export interface NamespaceObject {
  metadata: ObjectMetadata
}

export interface IPBlockObject {
  cidr: string
  except?: readonly string[] | null
}

export interface NetworkPolicyPeerObject {
  podSelector?: LabelSelectorObject | null
  namespaceSelector?: LabelSelectorObject | null
  ipBlock?: IPBlockObject | null
}

export interface NetworkPolicyPortObject {
  protocol?: string | null
  port?: number | string | null
  endPort?: number | null
}

export interface NetworkPolicyIngressRuleObject {
  from?: readonly NetworkPolicyPeerObject[] | null
  ports?: readonly NetworkPolicyPortObject[] | null
}

export interface NetworkPolicyEgressRuleObject {
  to?: readonly NetworkPolicyPeerObject[] | null
  ports?: readonly NetworkPolicyPortObject[] | null
}

export interface NetworkPolicyObject {
  metadata: ObjectMetadata
  spec: {
    podSelector?: LabelSelectorObject | null
    policyTypes?: readonly string[] | null
    ingress?: readonly NetworkPolicyIngressRuleObject[] | null
    egress?: readonly NetworkPolicyEgressRuleObject[] | null
  }
}

/** policy.networking.k8s.io NamespacedPod (v1alpha1 and v1alpha2). */
export interface NamespacedPodObject {
  namespaceSelector?: LabelSelectorObject | null
  podSelector?: LabelSelectorObject | null
}

export interface AdminSubjectObject {
  namespaces?: LabelSelectorObject | null
  pods?: NamespacedPodObject | null
}

export interface AdminPeerObject {
  namespaces?: LabelSelectorObject | null
  pods?: NamespacedPodObject | null
  /** Egress only. Nodes are not modelled: a nodes peer matches nothing. */
  nodes?: LabelSelectorObject | null
  /** Egress only: CIDRs. */
  networks?: readonly string[] | null
  /** v1alpha2 egress only. DNS is not modelled: a domainNames peer matches nothing. */
  domainNames?: readonly string[] | null
}

/** v1alpha1 AdminNetworkPolicyPort: exactly one field is set. */
export interface AdminPortObject {
  portNumber?: {protocol?: string | null; port: number} | null
  namedPort?: string | null
  portRange?: {protocol?: string | null; start: number; end: number} | null
}

export interface AdminRuleObject {
  name?: string
  action: string
  from?: readonly AdminPeerObject[] | null
  to?: readonly AdminPeerObject[] | null
  ports?: readonly AdminPortObject[] | null
}

export interface AdminNetworkPolicyObject {
  metadata: ObjectMetadata
  spec: {
    priority: number
    subject: AdminSubjectObject
    ingress?: readonly AdminRuleObject[] | null
    egress?: readonly AdminRuleObject[] | null
  }
}

export interface BaselineAdminNetworkPolicyObject {
  metadata: ObjectMetadata
  spec: {
    subject: AdminSubjectObject
    ingress?: readonly AdminRuleObject[] | null
    egress?: readonly AdminRuleObject[] | null
  }
}

/** v1alpha2 destination port: a number or a range. */
export interface ClusterPortObject {
  number?: number | null
  range?: {start: number; end: number} | null
}

/** v1alpha2 ClusterNetworkPolicyProtocol: exactly one field is set. */
export interface ClusterProtocolObject {
  tcp?: {destinationPort?: ClusterPortObject | null} | null
  udp?: {destinationPort?: ClusterPortObject | null} | null
  sctp?: {destinationPort?: ClusterPortObject | null} | null
  destinationNamedPort?: string | null
}

export interface ClusterRuleObject {
  name?: string
  action: string
  from?: readonly AdminPeerObject[] | null
  to?: readonly AdminPeerObject[] | null
  protocols?: readonly ClusterProtocolObject[] | null
}

export interface ClusterNetworkPolicyObject {
  metadata: ObjectMetadata
  spec: {
    tier: string
    priority: number
    subject: AdminSubjectObject
    ingress?: readonly ClusterRuleObject[] | null
    egress?: readonly ClusterRuleObject[] | null
  }
}

/** Everything the engine needs to decide a connection. */
export interface ClusterState {
  namespaces: readonly NamespaceObject[]
  pods: readonly PodObject[]
  networkPolicies: readonly NetworkPolicyObject[]
  adminNetworkPolicies?: readonly AdminNetworkPolicyObject[]
  baselineAdminNetworkPolicies?: readonly BaselineAdminNetworkPolicyObject[]
  clusterNetworkPolicies?: readonly ClusterNetworkPolicyObject[]
}
