import {describe, expect, test} from 'vitest'
import {parseRetryAfter, retryDecision} from './retry-policy.js'

describe('retryDecision', () => {
  test.each([
    {name: '429 on a read waits Retry-After', method: 'GET', status: 429, retryAfterSeconds: 2, want: {retry: true, delayMs: 2000}},
    {name: '429 on a write is retried: the server did not process it', method: 'POST', status: 429, retryAfterSeconds: 1, want: {retry: true, delayMs: 1000}},
    {name: '429 without Retry-After backs off', method: 'GET', status: 429, want: {retry: true, delayMs: 200}},
    {name: '503 on a read backs off', method: 'GET', status: 503, want: {retry: true, delayMs: 200}},
    {name: '503 on a write is not retried blindly', method: 'POST', status: 503, want: {retry: false, delayMs: 0}},
    {name: '503 with Retry-After on a write is retried', method: 'PATCH', status: 503, retryAfterSeconds: 3, want: {retry: true, delayMs: 3000}},
    {name: '500 on PUT is not retried', method: 'PUT', status: 500, want: {retry: false, delayMs: 0}},
    {name: '404 is final', method: 'GET', status: 404, want: {retry: false, delayMs: 0}},
    {name: '409 is final', method: 'PUT', status: 409, want: {retry: false, delayMs: 0}},
    {name: '501 is final', method: 'GET', status: 501, want: {retry: false, delayMs: 0}},
    {name: 'reset on a read is retried', method: 'GET', errorCode: 'ECONNRESET', want: {retry: true, delayMs: 200}},
    {name: 'reset on a write is not', method: 'POST', errorCode: 'ECONNRESET', want: {retry: false, delayMs: 0}},
    {name: 'refused on a write is retried: nothing was sent', method: 'POST', errorCode: 'ECONNREFUSED', want: {retry: true, delayMs: 200}},
    {name: 'TLS failure is final', method: 'GET', errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', want: {retry: false, delayMs: 0}},
    {name: 'backoff doubles', method: 'GET', status: 502, attempt: 3, want: {retry: true, delayMs: 800}},
    {name: 'backoff is capped', method: 'GET', status: 502, attempt: 9, maxAttempts: 20, want: {retry: true, delayMs: 5000}},
    {name: 'Retry-After is capped at a minute', method: 'GET', status: 429, retryAfterSeconds: 3600, want: {retry: true, delayMs: 60_000}},
    {name: 'no retry past the last attempt', method: 'GET', status: 503, attempt: 5, want: {retry: false, delayMs: 0}},
  ])('$name', ({method, status, errorCode, retryAfterSeconds, attempt, maxAttempts, want}) => {
    expect(retryDecision({method, status, errorCode, retryAfterSeconds, attempt: attempt ?? 1, maxAttempts: maxAttempts ?? 5})).toEqual(want)
  })
})

describe('parseRetryAfter', () => {
  const now = new Date('2026-01-01T00:00:00Z')
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['3', 3],
    [' 10 ', 10],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', undefined],
  ])('%j -> %j', (header, seconds) => expect(parseRetryAfter(header, now)).toBe(seconds))
})
