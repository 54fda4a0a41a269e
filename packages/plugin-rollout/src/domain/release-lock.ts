import {UsageError} from '@kubeline/core'
import type {ReleaseLock} from './release-state.js'

export type LockDecision =
  | {kind: 'granted'; lock: ReleaseLock}
  | {kind: 'takenOver'; lock: ReleaseLock; previous: ReleaseLock}
  | {kind: 'refused'; holder: string; until: Date}

/**
 * Whether `holder` may drive the release now. The lock lives in the state annotations and is written
 * with the same resourceVersion-guarded patch as the rest, so two drivers cannot both win.
 *
 * - no lock, or an expired one (now >= expiresAt): granted;
 * - already ours: granted again with a fresh expiry (a renewal);
 * - someone else's, still valid: refused, unless `force`, which takes it over and reports whose it was.
 */
export function acquireLock(state: {lock?: ReleaseLock}, holder: string, now: Date, ttlMs: number, force: boolean): LockDecision {
  if (holder.trim() === '') throw new UsageError('INVALID_ARGUMENT', 'invalid lock holder "": it must name who drives the release')
  if (!Number.isInteger(ttlMs) || ttlMs <= 0) throw new UsageError('INVALID_ARGUMENT', `invalid lock TTL ${ttlMs}ms: must be a positive whole number of milliseconds`)
  const lock = {holder, expiresAt: new Date(now.getTime() + ttlMs)}
  const current = state.lock
  if (!current || current.holder === holder || isLockExpired(current, now)) return {kind: 'granted', lock}
  if (force) return {kind: 'takenOver', lock, previous: current}
  return {kind: 'refused', holder: current.holder, until: current.expiresAt}
}

export function isLockExpired(lock: ReleaseLock, now: Date): boolean {
  return now.getTime() >= lock.expiresAt.getTime()
}

/** The lock after `holder` lets go: removed if it was theirs, otherwise left alone. */
export function releaseLock(state: {lock?: ReleaseLock}, holder: string): ReleaseLock | undefined {
  return state.lock?.holder === holder ? undefined : state.lock
}
