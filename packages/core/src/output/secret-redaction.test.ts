import {afterEach, describe, expect, test} from 'vitest'
import {Output} from './output.js'
import {clearRegisteredSecrets, redactSecrets, registerSecret} from './secret-redaction.js'

afterEach(() => clearRegisteredSecrets())

describe('redactSecrets', () => {
  test.each([
    ['Authorization: Bearer abc.def-123', 'Authorization: Bearer [REDACTED]'],
    ['{"Authorization":"Basic dXNlcjpwYXNz"}', '{"Authorization":"Basic [REDACTED]"}'],
    ['sent bearer s3cr3t-token-value', 'sent Bearer [REDACTED]'],
    ['token: abcdef123456', 'token: [REDACTED]'],
    ['"password":"hunter22"', '"password":"[REDACTED]"'],
    ['client-key-data: LS0tLS1CRUdJTi', 'client-key-data: [REDACTED]'],
    ['-----BEGIN EC PRIVATE KEY-----\nMHcCAQ\n-----END EC PRIVATE KEY-----', '[REDACTED PRIVATE KEY]'],
    ['jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl here', 'jwt [REDACTED] here'],
    ['nothing secret here: pods is forbidden', 'nothing secret here: pods is forbidden'],
  ])('%j', (text, want) => expect(redactSecrets(text)).toBe(want))

  test('registered credentials are removed wherever they appear; short values are not', () => {
    registerSecret('kubeconfig-token-9f8e7d')
    registerSecret('abc')
    expect(redactSecrets('failed with kubeconfig-token-9f8e7d in url ?x=kubeconfig-token-9f8e7d abc')).toBe(
      'failed with [REDACTED] in url ?x=[REDACTED] abc',
    )
  })
})

describe('Output applies the guard to everything it writes for people', () => {
  test('errors, warnings, info and debug lines are redacted', () => {
    registerSecret('very-secret-token-1')
    const captured = Output.capture({debug: true})
    captured.output.error('request with very-secret-token-1 failed')
    captured.output.warn('Authorization: Bearer very-secret-token-1')
    captured.output.info('token=very-secret-token-1')
    captured.output.debug('GET /api very-secret-token-1')
    expect(captured.stderr).not.toContain('very-secret-token-1')
    expect(captured.stderr.split('\n').filter(Boolean)).toHaveLength(4)
  })
})
