import {describe, expect, test} from 'vitest'
import {BugError, KubelineError, UsageError} from './kubeline-error.js'

describe('KubelineError', () => {
  // Every code, as docs/errors.md lists them: the input's fault exits 2, the tool's or the cluster's 1.
  test.each([
    ...(['INVALID_FLAG', 'INVALID_ARGUMENT', 'INVALID_MANIFEST', 'INVALID_QUANTITY', 'INVALID_SELECTOR', 'INVALID_DURATION'] as const).map((code) => ({code, exit: 2})),
    ...(['INVALID_KUBECONFIG', 'NO_CONFIG', 'NO_CONTEXT', 'NOT_FOUND', 'INVALID_OBJECT'] as const).map((code) => ({code, exit: 2})),
    ...(['UNREACHABLE', 'TLS', 'UNAUTHORIZED', 'FORBIDDEN', 'CONFLICT', 'GONE', 'TIMEOUT', 'SERVER_ERROR', 'API_ERROR'] as const).map((code) => ({code, exit: 1})),
  ])('$code exits $exit', ({code, exit}) => {
    expect(new KubelineError(code, 'x').exitCode).toBe(exit)
  })

  test('UsageError keeps its code and fix', () => {
    const err = new UsageError('INVALID_QUANTITY', 'invalid quantity "1x"', {fix: 'Use a suffix such as Mi.'})
    expect(err).toBeInstanceOf(KubelineError)
    expect(err.code).toBe('INVALID_QUANTITY')
    expect(err.fix).toBe('Use a suffix such as Mi.')
    expect(err.exitCode).toBe(2)
  })

  test('BugError is not a user error', () => {
    expect(new BugError('boom')).not.toBeInstanceOf(KubelineError)
  })
})
