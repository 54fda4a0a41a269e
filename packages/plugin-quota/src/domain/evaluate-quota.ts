import {baseUnitValue, type Quantity} from '@kubeline/core'
import type {ResourceQuota} from './kubernetes-objects.js'
import {isKnownQuotaResource, quotaHard} from './quota-scopes.js'
import {parseResourceList} from './resource-list.js'

export type QuotaStatus = 'ok' | 'warn' | 'full' | 'unknown'

export interface QuotaLine {
  resource: string
  /** Canonical quantity strings. */
  hard: string
  /** null when status.used has no value for the key. */
  used: string | null
  /** Base units (millicores for cpu, bytes, counts), for machine output. */
  hardValue: number
  usedValue: number | null
  /** used / hard × 100 from exact quantities; null when used is unknown or hard is zero. */
  percent: number | null
  status: QuotaStatus
  /** At or over failAtPercent (a zero hard limit: only when something is used). */
  breached: boolean
}

export interface QuotaEvaluation {
  namespace: string
  name: string
  lines: QuotaLine[]
}

export interface QuotaThresholds {
  warnAtPercent: number
  failAtPercent: number
}

/**
 * One line per key of the quota's hard limits (status.hard, else spec.hard), sorted:
 * - unknown: no built-in evaluator reports the key (kubectl shows no used for it), or the
 *   quota controller has not filled status.used for it yet;
 * - full: used >= hard. A zero hard limit is always full, even with nothing used: the
 *   API server rejects any new usage of that key (`services.loadbalancers: 0`);
 * - warn: percent >= warnAtPercent; else ok.
 * `breached` is what a CI gate fails on: percent >= failAtPercent, or anything used
 * against a zero limit (a deliberate `0` with nothing used is not a breach).
 */
export function evaluateQuota(quota: ResourceQuota, thresholds: QuotaThresholds): QuotaEvaluation {
  const hard = quotaHard(quota)
  const used = parseResourceList(quota.status?.used)
  const lines = Object.keys(hard)
    .sort()
    .map((resource) => quotaLine(resource, hard[resource]!, isKnownQuotaResource(resource) ? used[resource] : undefined, thresholds))
  return {namespace: quota.metadata.namespace ?? '', name: quota.metadata.name ?? '', lines}
}

/** One key: see evaluateQuota. `used` undefined means unknown. */
export function quotaLine(resource: string, hard: Quantity, used: Quantity | undefined, thresholds: QuotaThresholds): QuotaLine {
  const known = {resource, hard: hard.toString(), hardValue: baseUnitValue(hard, resource)}
  if (used === undefined) return {...known, used: null, usedValue: null, percent: null, status: 'unknown', breached: false}
  const percent = hard.isZero() ? null : used.ratio(hard) * 100
  const full = used.cmp(hard) >= 0
  const status: QuotaStatus = full ? 'full' : percent !== null && percent >= thresholds.warnAtPercent ? 'warn' : 'ok'
  const breached = percent === null ? used.sign() > 0 : percent >= thresholds.failAtPercent
  return {...known, used: used.toString(), usedValue: baseUnitValue(used, resource), percent, status, breached}
}
