import {UsageError} from '@kubeline/core'
import {parseIpAddress} from '../domain/cidr.js'
import type {WorkloadKind} from './manifest-cluster.js'

/** What `--from` / `--to` name: a pod, a workload (one of its pods) or an address outside the cluster. */
export type EndpointSpec =
  | {kind: 'ip'; ip: string}
  | {kind: 'pod'; namespace?: string; name: string}
  | {kind: 'workload'; namespace: string; workload: WorkloadKind; name: string}

const WORKLOAD_ALIASES: Readonly<Record<string, WorkloadKind>> = {
  deployment: 'deployment',
  deploy: 'deployment',
  statefulset: 'statefulset',
  sts: 'statefulset',
  daemonset: 'daemonset',
  ds: 'daemonset',
  replicaset: 'replicaset',
  rs: 'replicaset',
  job: 'job',
  cronjob: 'cronjob',
  cj: 'cronjob',
}

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/

/**
 * Parses `ip:10.0.0.1`, `ns/pod`, `pod` (in the -n namespace), `ns/pod/name` or
 * `ns/<workload>/name` (deployment|deploy, statefulset|sts, daemonset|ds, replicaset|rs, job, cronjob|cj).
 * `input` names where `text` came from in the message: a flag (`--from`) or a suite field (`from`).
 */
export function parseEndpointSpec(input: string, text: string): EndpointSpec {
  const invalid = (problem: string) =>
    new UsageError('INVALID_FLAG', `invalid ${input} "${text}": ${problem}`, {fix: 'Use ns/pod, ns/deployment/name or ip:1.2.3.4.'})
  if (text.startsWith('ip:')) {
    const ip = text.slice(3)
    if (parseIpAddress(ip) === undefined) throw invalid(`"${ip}" is not an IP address`)
    return {kind: 'ip', ip}
  }
  const parts = text.split('/')
  const bad = parts.find((part) => !NAME.test(part))
  if (bad !== undefined) throw invalid(bad === '' ? 'empty name' : `"${bad}" is not a valid name`)
  const [first = '', second, third] = parts
  if (parts.length === 1) return {kind: 'pod', name: first}
  if (parts.length === 2) return {kind: 'pod', namespace: first, name: second as string}
  if (parts.length === 3 && second === 'pod') return {kind: 'pod', namespace: first, name: third as string}
  const workload = workloadKindOf(second ?? '')
  if (parts.length !== 3 || workload === undefined) throw invalid('expected ns/pod, ns/<workload kind>/name or ip:ADDRESS')
  return {kind: 'workload', namespace: first, workload, name: third as string}
}

/** The workload kind an alias names (`deploy`, `sts`, `cronjob`, ...), if it names one. */
export function workloadKindOf(alias: string): WorkloadKind | undefined {
  return Object.hasOwn(WORKLOAD_ALIASES, alias) ? WORKLOAD_ALIASES[alias] : undefined
}
