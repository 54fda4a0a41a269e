import {UsageError} from '@kubeline/core'
import {CANARY_TRACK, TRACK_LABEL, canaryName} from './canary-deployment.js'
import type {Ingress, IngressPath} from './rollout-objects.js'

export const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io'
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class'

export interface NginxCanaryOptions {
  stableService: string
  canaryService: string
  weight: number
  /** canary-weight-total (ingress-nginx >= 1.1.1); unset means the controller's default of 100. */
  weightTotal?: number
}

/**
 * ingress-nginx canary annotations. `canary: "true"` must always be present, or the controller rejects
 * the weight as "configured but not enabled". With weightTotal the weight is scaled to it.
 */
export function nginxCanaryAnnotations({weight, weightTotal}: Pick<NginxCanaryOptions, 'weight' | 'weightTotal'>): Record<string, string> {
  const total = weightTotal ?? 100
  return {
    [`${NGINX_ANNOTATION_PREFIX}/canary`]: 'true',
    [`${NGINX_ANNOTATION_PREFIX}/canary-weight`]: String(Math.round((weight * total) / 100)),
    ...(weightTotal === undefined ? {} : {[`${NGINX_ANNOTATION_PREFIX}/canary-weight-total`]: String(weightTotal)}),
  }
}

/**
 * The canary Ingress `<ingress>-canary`, cloned as Argo Rollouts' nginx router does: only the rules and
 * paths whose backend is the stable Service, pointed at the canary Service (same host and path, which
 * ingress-nginx requires to merge them), plus TLS and the ingress class. Other annotations are not
 * copied: ingress-nginx ignores them on a canary and takes them from the main Ingress. The track label
 * marks it as made by this tool.
 */
export function nginxCanaryIngress(main: Ingress, options: NginxCanaryOptions): Ingress {
  const rules = (main.spec.rules ?? []).flatMap((rule) => {
    const paths = (rule.http?.paths ?? []).filter((path) => path.backend.service?.name === options.stableService).map((path) => toCanary(path, options.canaryService))
    return paths.length === 0 ? [] : [{...rule, http: {paths}}]
  })
  if (rules.length === 0) {
    throw new UsageError('INVALID_ARGUMENT', `Ingress ${main.metadata.name} has no path whose backend is Service ${options.stableService}`, {
      fix: 'Pass the Ingress that routes to the stable Service with --ingress.',
    })
  }
  const ingressClass = main.metadata.annotations?.[CLASS_ANNOTATION]
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: canaryName(main.metadata.name),
      ...(main.metadata.namespace === undefined ? {} : {namespace: main.metadata.namespace}),
      labels: {[TRACK_LABEL]: CANARY_TRACK},
      annotations: {...(ingressClass === undefined ? {} : {[CLASS_ANNOTATION]: ingressClass}), ...nginxCanaryAnnotations(options)},
    },
    spec: {
      ...(main.spec.ingressClassName === undefined ? {} : {ingressClassName: main.spec.ingressClassName}),
      ...(main.spec.tls === undefined ? {} : {tls: main.spec.tls}),
      rules,
    },
  }
}

/**
 * The weight in percent a canary Ingress sends to the canary, as ingress-nginx reads it: without
 * `canary: "true"` nothing; an unreadable weight counts as 0; weight-total defaults to 100.
 */
export function nginxCanaryWeight(ingress: Ingress): number {
  const annotations = ingress.metadata.annotations ?? {}
  if (annotations[`${NGINX_ANNOTATION_PREFIX}/canary`] !== 'true') return 0
  const weight = wholeNumber(annotations[`${NGINX_ANNOTATION_PREFIX}/canary-weight`]) ?? 0
  const total = wholeNumber(annotations[`${NGINX_ANNOTATION_PREFIX}/canary-weight-total`]) || 100
  return Math.min(100, (weight * 100) / total)
}

/** The names of the Services the Ingress's rules send traffic to (the default backend is not cloned, so not counted). */
export function ingressServiceNames(ingress: Ingress): string[] {
  const paths = (ingress.spec.rules ?? []).flatMap((rule) => rule.http?.paths ?? [])
  return [...new Set(paths.flatMap((path) => (path.backend.service ? [path.backend.service.name] : [])))]
}

function toCanary(path: IngressPath, canaryService: string): IngressPath {
  return {...path, backend: {service: {...path.backend.service, name: canaryService}}}
}

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined
}
