/**
 * The few fields of Kubernetes objects the rollout core reads or writes, as plain JSON.
 * Only what the release logic needs is typed; everything else passes through untouched.
 */
import type {IntOrString} from '@kubeline/core'

export type {IntOrString}

export interface ObjectMetadata {
  name: string
  namespace?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  resourceVersion?: string
  generation?: number
}

export interface PodTemplateSpec {
  metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>; [key: string]: unknown}
  spec?: {containers?: PodContainer[]; initContainers?: PodContainer[]; [key: string]: unknown}
}

/** A container or init container of a pod template: what the release reads of it. */
export interface PodContainer {
  name: string
  image?: string
  [key: string]: unknown
}

export interface Deployment {
  apiVersion?: string
  kind?: string
  metadata: ObjectMetadata
  spec: {
    replicas?: number
    selector: {matchLabels?: Record<string, string>; matchExpressions?: unknown[]}
    template: PodTemplateSpec
    strategy?: {type?: string; rollingUpdate?: {maxSurge?: IntOrString; maxUnavailable?: IntOrString}}
    progressDeadlineSeconds?: number
    [key: string]: unknown
  }
  status?: {
    replicas?: number
    readyReplicas?: number
    availableReplicas?: number
    updatedReplicas?: number
    observedGeneration?: number
    conditions?: {type: string; status: string; reason?: string; message?: string}[]
  }
}

export interface Service {
  apiVersion?: string
  kind?: string
  metadata: ObjectMetadata
  spec: {selector?: Record<string, string>; ports?: unknown[]; [key: string]: unknown}
}

export interface IngressBackend {
  service?: {name: string; port?: {number?: number; name?: string}}
}

export interface IngressPath {
  path?: string
  pathType?: string
  backend: IngressBackend
}

export interface Ingress {
  apiVersion?: string
  kind?: string
  metadata: ObjectMetadata
  spec: {
    ingressClassName?: string
    tls?: unknown[]
    defaultBackend?: IngressBackend
    rules?: {host?: string; http?: {paths: IngressPath[]}}[]
  }
}

export interface HTTPBackendRef {
  group?: string
  kind?: string
  name: string
  namespace?: string
  port?: number
  weight?: number
  [key: string]: unknown
}

export interface HTTPRoute {
  apiVersion?: string
  kind?: string
  metadata: ObjectMetadata
  spec: {rules?: {backendRefs?: HTTPBackendRef[]; [key: string]: unknown}[]; [key: string]: unknown}
  status?: {
    parents?: {conditions?: {type: string; status: string; reason?: string; observedGeneration?: number}[]}[]
  }
}

export interface HorizontalPodAutoscaler {
  metadata: ObjectMetadata
  spec: {scaleTargetRef: {apiVersion?: string; kind: string; name: string}; minReplicas?: number; maxReplicas: number}
}
