/**
 * The typed error hierarchy every kubeline command reports through.
 *
 * A `KubelineError` is something the user can act on: it carries a stable `code`
 * (documented in docs/errors.md), the process exit code (see docs/exit-codes.md)
 * and an optional `fix` telling them what to do next. Anything else that reaches
 * the top level is a bug and is reported as such (`BugError`).
 */
/** Bad input, as `UsageError` reports it: exit 2. */
const USAGE_ERROR_CODES = [
  'INVALID_FLAG',
  'INVALID_ARGUMENT',
  'INVALID_MANIFEST',
  'INVALID_QUANTITY',
  'INVALID_SELECTOR',
  'INVALID_DURATION',
  'INVALID_KUBECONFIG',
  'NO_CONFIG',
  'NO_CONTEXT',
] as const

/** Also exit 2 (an object the user named is missing or unusable), raised as a plain KubelineError. */
const NAMED_OBJECT_CODES = ['NOT_FOUND', 'INVALID_OBJECT'] as const

type UsageErrorCode = (typeof USAGE_ERROR_CODES)[number]

export type ErrorCode =
  | UsageErrorCode
  | (typeof NAMED_OBJECT_CODES)[number]
  // exit 1: the tool could not do its job
  | 'UNREACHABLE'
  | 'TLS'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'GONE'
  | 'TIMEOUT'
  | 'SERVER_ERROR'
  | 'API_ERROR'

/** Codes that mean "the input was wrong" and exit 2; all others exit 1. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([...USAGE_ERROR_CODES, ...NAMED_OBJECT_CODES])

export interface KubelineErrorOptions {
  /** One sentence telling the user what to do about it. */
  fix?: string
  cause?: unknown
}

export class KubelineError extends Error {
  readonly code: ErrorCode
  readonly fix: string | undefined

  constructor(code: ErrorCode, message: string, options: KubelineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'KubelineError'
    this.code = code
    this.fix = options.fix
  }

  get exitCode(): 1 | 2 {
    return USAGE_CODES.has(this.code) ? 2 : 1
  }
}

/** Bad input from the user: exit 2. */
export class UsageError extends KubelineError {
  constructor(
    code: UsageErrorCode,
    message: string,
    options: KubelineErrorOptions = {},
  ) {
    super(code, message, options)
    this.name = 'UsageError'
  }
}

/** Something that should never happen: reported with a request to file an issue. Exit 1. */
export class BugError extends Error {
  constructor(message: string, options: {cause?: unknown} = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'BugError'
  }
}
