import {parseNonNegativeDuration, UsageError} from '@kubeline/core'

export const DEFAULT_STEPS = '10,25,50,100'

/**
 * `--steps 10,25,50,100`: canary weights in percent, whole numbers 0-100, strictly increasing.
 * The last step is always 100, the promotion; when it is missing it is appended, so `10,50` means
 * 10 %, 50 %, promote. A 0 step (canary up but, with a traffic router, no traffic yet) may only come
 * first, which strict increase already guarantees.
 */
export function parseSteps(text: string, flag = '--steps'): number[] {
  const parts = text.split(',').map((part) => part.trim())
  if (text.trim() === '' || parts.includes('')) throw invalidSteps(text, flag, 'expected comma-separated weights such as 10,25,50,100')
  const weights = parts.map((part) => {
    if (!/^\d+$/.test(part)) throw invalidSteps(text, flag, `"${part}" is not a whole percentage`)
    const weight = Number(part)
    if (weight > 100) throw invalidSteps(text, flag, `weight ${weight} is outside 0-100`)
    return weight
  })
  weights.forEach((weight, index) => {
    const previous = weights[index - 1]
    if (previous !== undefined && weight <= previous) throw invalidSteps(text, flag, `weights must increase, but ${weight} follows ${previous}`)
  })
  return weights.at(-1) === 100 ? weights : [...weights, 100]
}

/** A pause after each step: a fixed time, or until someone runs `resume`. */
export type PauseSpec = {kind: 'manual'} | {kind: 'duration'; ms: number}

/**
 * `--pause 5m` | `--pause manual`. As in Argo Rollouts' pause steps, a bare whole number means seconds;
 * otherwise a Go duration. `0` means no pause.
 */
export function parsePause(text: string, flag = '--pause'): PauseSpec {
  if (text === 'manual') return {kind: 'manual'}
  if (/^\d+$/.test(text)) return {kind: 'duration', ms: Number(text) * 1000}
  return {kind: 'duration', ms: parseNonNegativeDuration(text, flag)}
}

/** The inverse of parsePause, for the state annotation and for display. */
export function formatPause(pause: PauseSpec): string {
  if (pause.kind === 'manual') return 'manual'
  return pause.ms % 1000 === 0 ? `${pause.ms / 1000}s` : `${pause.ms}ms`
}

function invalidSteps(text: string, flag: string, reason: string): UsageError {
  return new UsageError('INVALID_FLAG', `invalid ${flag} "${text}": ${reason}`, {
    fix: 'Give increasing weights from 0 to 100, for example --steps 10,25,50,100.',
  })
}
