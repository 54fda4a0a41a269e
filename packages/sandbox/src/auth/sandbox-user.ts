/**
 * A user of the sandbox: a bearer token and RBAC-like rules. A rule allows a request when
 * each of its lists contains the request's value or "*"; a rule without `namespaces` applies
 * in every namespace and at the cluster scope. Resources name subresources as "pods/log".
 */
export interface SandboxUser {
  name: string
  token: string
  /** Admins may do anything, including the /_sandbox admin endpoints. */
  admin?: boolean
  rules?: AccessRule[]
}

export interface AccessRule {
  verbs: string[]
  resources: string[]
  /** API groups; every group when left out. */
  apiGroups?: string[]
  namespaces?: string[]
}
