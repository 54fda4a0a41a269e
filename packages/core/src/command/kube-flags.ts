import {Flags} from '@oclif/core'

const KUBE = 'KUBERNETES'

/** kubectl's connection flags (cli-runtime ConfigFlags), accepted by every command. */
export const kubeFlags = {
  kubeconfig: Flags.string({
    description: 'Path to the kubeconfig file to use; only this file is read (KUBECONFIG is ignored).',
    helpGroup: KUBE,
  }),
  context: Flags.string({description: 'The name of the kubeconfig context to use.', helpGroup: KUBE}),
  cluster: Flags.string({description: 'The name of the kubeconfig cluster to use.', helpGroup: KUBE}),
  user: Flags.string({description: 'The name of the kubeconfig user to use.', helpGroup: KUBE}),
  namespace: Flags.string({
    char: 'n',
    description: "The namespace scope for this request (default: the context's namespace, else \"default\").",
    helpGroup: KUBE,
  }),
  'request-timeout': Flags.string({
    description: 'How long to wait for a single server request before giving up: 1s, 2m, 3h; a bare number is seconds; 0 waits forever.',
    default: '0',
    helpGroup: KUBE,
  }),
  'insecure-skip-tls-verify': Flags.boolean({
    description: "Don't verify the server's certificate. Insecure: only for test clusters.",
    helpGroup: KUBE,
  }),
  debug: Flags.boolean({
    description: 'Print every API request and full error details on stderr (credentials are redacted).',
    helpGroup: KUBE,
  }),
}

/** -A/--all-namespaces, as kubectl get. */
export const allNamespacesFlag = {
  'all-namespaces': Flags.boolean({
    char: 'A',
    description: 'Across all namespaces. The namespace of the current context is ignored even if -n is given.',
  }),
}

/** -l/--selector, as kubectl get. */
export const selectorFlag = {
  selector: Flags.string({
    char: 'l',
    description: "Label selector to filter on, e.g. -l 'app=web,tier in (frontend,api),!legacy'.",
  }),
}

/** --no-headers for awk/xargs pipelines. */
export const noHeadersFlag = {
  'no-headers': Flags.boolean({description: 'Print tables without the header row (for awk and xargs).'}),
}

/**
 * -o/--output with the formats a command supports; the first is the default.
 * TAB completion reads the formats from the description (`Output format: a|b.`).
 */
export function outputFlag(formats: readonly [string, ...string[]], description?: string) {
  return {
    output: Flags.string({
      char: 'o',
      description: description ?? `Output format: ${formats.join('|')}.`,
      default: formats[0],
    }),
  }
}

export type KubeFlagValues = {
  kubeconfig?: string
  context?: string
  cluster?: string
  user?: string
  namespace?: string
  'request-timeout': string
  'insecure-skip-tls-verify': boolean
  debug: boolean
}
