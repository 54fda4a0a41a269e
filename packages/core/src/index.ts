// The public API of @kubeline/core. Each export is listed by name; nothing
// else in this package is reachable from outside (package.json "exports").

// errors
export {KubelineError, UsageError, BugError} from './errors/kubeline-error.js'
export type {ErrorCode, KubelineErrorOptions} from './errors/kubeline-error.js'

// quantity

// selectors

// manifests

// output

// progress

// kube
