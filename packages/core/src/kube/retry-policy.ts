/**
 * When to retry a request, as client-go does: a 429 (or a 5xx that carries Retry-After)
 * means the server did not process the request, so any verb may be retried after the
 * delay it asks for; other 5xx and connection resets are retried only for reads, since
 * a write may have been applied before the failure. A connection that was refused never
 * carried the request, so it is retried for any verb.
 */
export interface RetryInput {
  method: string
  /** 1 for the first failure. */
  attempt: number
  maxAttempts: number
  status?: number
  /** Node's error code for transport failures (ECONNRESET, ECONNREFUSED, ...). */
  errorCode?: string
  /** The Retry-After header, in seconds. */
  retryAfterSeconds?: number
}

export interface RetryDecision {
  retry: boolean
  delayMs: number
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS'])
const RETRYABLE_STATUS = new Set([500, 502, 503, 504])
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'ECONNABORTED', 'EAI_AGAIN'])
const NOT_SENT_CODES = new Set(['ECONNREFUSED'])
const BASE_DELAY_MS = 200
const MAX_BACKOFF_MS = 5_000
/** Never wait longer than this on the server's word alone. */
const MAX_RETRY_AFTER_MS = 60_000

export function retryDecision(input: RetryInput): RetryDecision {
  const no = {retry: false, delayMs: 0}
  if (input.attempt >= input.maxAttempts) return no
  const idempotent = IDEMPOTENT.has(input.method.toUpperCase())
  const backoff = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (input.attempt - 1))
  const serverDelay =
    input.retryAfterSeconds !== undefined && input.retryAfterSeconds >= 0
      ? Math.min(MAX_RETRY_AFTER_MS, input.retryAfterSeconds * 1000)
      : undefined
  if (input.status === 429) return {retry: true, delayMs: serverDelay ?? backoff}
  if (input.status !== undefined && input.status >= 500 && serverDelay !== undefined) return {retry: true, delayMs: serverDelay}
  if (input.status !== undefined) return RETRYABLE_STATUS.has(input.status) && idempotent ? {retry: true, delayMs: backoff} : no
  if (input.errorCode !== undefined && NOT_SENT_CODES.has(input.errorCode)) return {retry: true, delayMs: backoff}
  if (input.errorCode !== undefined && RESET_CODES.has(input.errorCode) && idempotent) return {retry: true, delayMs: backoff}
  return no
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  if (header === undefined || header.trim() === '') return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim())
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000))
}
