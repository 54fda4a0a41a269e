/** The kubeconfig file format (clientcmd/api/v1), as far as kubeline reads it. */
export interface ClusterEntry {
  server?: string
  'certificate-authority'?: string
  'certificate-authority-data'?: string
  'insecure-skip-tls-verify'?: boolean
  'tls-server-name'?: string
  'proxy-url'?: string
  'disable-compression'?: boolean
  [key: string]: unknown
}

export interface ExecConfig {
  command: string
  args?: string[]
  env?: {name: string; value: string}[]
  apiVersion?: string
  provideClusterInfo?: boolean
  [key: string]: unknown
}

export interface UserEntry {
  token?: string
  tokenFile?: string
  'client-certificate'?: string
  'client-certificate-data'?: string
  'client-key'?: string
  'client-key-data'?: string
  username?: string
  password?: string
  exec?: ExecConfig
  'auth-provider'?: {name: string; config?: Record<string, string>}
  [key: string]: unknown
}

export interface ContextEntry {
  cluster?: string
  user?: string
  namespace?: string
  [key: string]: unknown
}

export interface Named<T, K extends string> {
  name: string
  entry: T
  /** The file this entry came from (for messages and relative paths). */
  origin: string
  /** Only used to keep the key in the type. */
  readonly kind?: K
}

/** The result of merging the kubeconfig files with client-go's rules. */
export interface MergedKubeconfig {
  files: string[]
  currentContext: string | undefined
  clusters: Map<string, Named<ClusterEntry, 'cluster'>>
  users: Map<string, Named<UserEntry, 'user'>>
  contexts: Map<string, Named<ContextEntry, 'context'>>
}
