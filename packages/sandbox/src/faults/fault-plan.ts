import {randomUUID} from 'node:crypto'

/** Which requests a fault applies to; every field left out matches anything. */
export interface FaultMatch {
  verb?: string
  /** The REST resource, with the subresource after a slash to target it alone: "pods/log", "deployments/scale". */
  resource?: string
  namespace?: string
  name?: string
  /** A path prefix, for non-resource requests such as "/api". */
  path?: string
}

export type FaultEffect =
  /** Answer with this status (5xx usually) and a Status body. */
  | {kind: 'error'; status: number; message?: string}
  /** 429 TooManyRequests with a Retry-After header. */
  | {kind: 'throttle'; retryAfterSeconds: number}
  /** Wait before handling the request normally. */
  | {kind: 'delay'; ms: number}
  /** Destroy the connection without a response. */
  | {kind: 'drop'}
  /** Handle the request in full, then destroy the connection instead of answering: a write applied whose answer is lost. */
  | {kind: 'loseResponse'}
  /** End matching watch streams after this many events; `abrupt` destroys the connection instead of ending the response. */
  | {kind: 'closeWatch'; afterEvents: number; abrupt?: boolean}
  /** 409 Conflict on the next update or patch, as if someone else had written first. */
  | {kind: 'conflict'}

export interface FaultRule {
  match?: FaultMatch
  effect: FaultEffect
  /** How many matching requests it affects; unlimited when left out. */
  times?: number
}

export interface ActiveFault extends FaultRule {
  id: string
  /** Matching requests it has affected so far. */
  hits: number
}

/** The request facts faults are matched against. */
export interface FaultSubject {
  verb: string
  resource?: string
  subresource?: string
  namespace?: string
  name?: string
  path: string
}

const WRITE_VERBS = new Set(['update', 'patch'])

/** The faults in force, configurable at start and at run time (see server/admin-handler.ts). */
export class FaultPlan {
  private readonly rules: ActiveFault[] = []

  add(rule: FaultRule): ActiveFault {
    const active: ActiveFault = {...rule, id: randomUUID(), hits: 0}
    this.rules.push(active)
    return active
  }

  remove(id: string): boolean {
    const index = this.rules.findIndex((rule) => rule.id === id)
    if (index >= 0) this.rules.splice(index, 1)
    return index >= 0
  }

  clear(): void {
    this.rules.length = 0
  }

  list(): ActiveFault[] {
    return this.rules.map((rule) => ({...rule}))
  }

  /** The effects that apply to this request, counting it against each rule's `times`. */
  take(subject: FaultSubject): FaultEffect[] {
    const effects: FaultEffect[] = []
    for (const rule of [...this.rules]) {
      if (!matches(rule, subject)) continue
      rule.hits++
      effects.push(rule.effect)
      if (rule.times !== undefined && rule.hits >= rule.times) this.remove(rule.id)
    }
    return effects
  }
}

function matches({match = {}, effect}: FaultRule, subject: FaultSubject): boolean {
  if (effect.kind === 'conflict' && !WRITE_VERBS.has(subject.verb)) return false
  if (effect.kind === 'closeWatch' && subject.verb !== 'watch') return false
  if (match.verb !== undefined && match.verb !== subject.verb) return false
  if (match.namespace !== undefined && match.namespace !== subject.namespace) return false
  if (match.name !== undefined && match.name !== subject.name) return false
  if (match.path !== undefined && !subject.path.startsWith(match.path)) return false
  if (match.resource !== undefined) {
    const [resource, subresource] = match.resource.split('/')
    if (resource !== subject.resource || (subresource ?? subject.subresource) !== subject.subresource) return false
  }
  return true
}
