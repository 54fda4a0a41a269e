import type {IncomingMessage, ServerResponse} from 'node:http'
import {setTimeout as sleep} from 'node:timers/promises'
import type {FaultEffect} from '../faults/fault-plan.js'
import {ApiError, conflict} from '../store/api-error.js'
import type {RequestInfo} from './request-info.js'

export interface FaultOutcome {
  /** The request was answered or its connection dropped: do not handle it. */
  handled: boolean
  closeWatch?: {afterEvents: number; abrupt?: boolean}
  /** Handle the request, but destroy the connection instead of sending the answer. */
  loseResponse?: boolean
}

/** Applies the faults that matched a request, delays first. Error effects are thrown as ApiErrors. */
export async function applyFaults(effects: FaultEffect[], info: RequestInfo, req: IncomingMessage): Promise<FaultOutcome> {
  const outcome: FaultOutcome = {handled: false}
  for (const effect of effects) if (effect.kind === 'delay') await sleep(effect.ms)
  for (const effect of effects) {
    switch (effect.kind) {
      case 'drop':
        req.socket.destroy()
        return {handled: true}
      case 'error':
        throw new ApiError(effect.status, effect.status === 503 ? 'ServiceUnavailable' : 'InternalError', effect.message ?? `injected fault: ${effect.status}`)
      case 'throttle':
        throw new ApiError(429, 'TooManyRequests', 'the server has received too many requests and has asked us to try again later', {
          retryAfterSeconds: effect.retryAfterSeconds,
        })
      case 'conflict':
        if (info.kind === 'resource') throw conflict(info.group, info.resource, info.name ?? '')
        break
      case 'closeWatch':
        outcome.closeWatch = {afterEvents: effect.afterEvents, abrupt: effect.abrupt}
        break
      case 'loseResponse':
        outcome.loseResponse = true
        break
      case 'delay':
        break
    }
  }
  return outcome
}

/** Makes the response's answer vanish: whatever the handler sends, the connection is destroyed instead. */
export function loseResponse(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead = (() => res) as ServerResponse['writeHead']
  res.end = (() => {
    req.socket.destroy()
    return res
  }) as ServerResponse['end']
}
