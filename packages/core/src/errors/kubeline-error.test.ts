import {describe, expect, test} from 'vitest'
import {BugError, KubelineError, UsageError} from './kubeline-error.js'

describe('KubelineError', () => {
  test.each([
    {code: 'INVALID_FLAG', exit: 2},
    {code: 'NOT_FOUND', exit: 2},
    {code: 'FORBIDDEN', exit: 1},
    {code: 'UNREACHABLE', exit: 1},
    {code: 'TIMEOUT', exit: 1},
  ] as const)('$code exits $exit', ({code, exit}) => {
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
