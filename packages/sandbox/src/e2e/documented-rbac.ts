import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parse} from 'yaml'
import type {AccessRule} from '../auth/sandbox-user.js'
import type {LoggedRequest} from '../requests/request-log.js'

/** docs/rbac.md, the one place the least privileges of each command are written (from src/e2e or dist/e2e alike). */
export const RBAC_DOC_PATH: string = fileURLToPath(new URL('../../../../docs/rbac.md', import.meta.url))

interface DocumentedRole {
  kind?: string
  metadata?: {namespace?: string}
  rules?: {apiGroups?: string[]; resources?: string[]; verbs?: string[]}[]
}

/**
 * The rules of the one Role or ClusterRole shown in a yaml block under `## <section>` of docs/rbac.md,
 * as sandbox rules, so the e2e suites run with what the doc says and not with a copy of it. A Role's
 * rules apply in its metadata.namespace only; a ClusterRole's everywhere and at the cluster scope.
 */
export function documentedRules(section: string, kind: 'Role' | 'ClusterRole', markdown: string = readFileSync(RBAC_DOC_PATH, 'utf8')): AccessRule[] {
  const text = markdown.split(/^## /m).find((part) => part.startsWith(`${section}\n`))
  if (text === undefined) throw new Error(`docs/rbac.md has no section "## ${section}"`)
  const roles = [...text.matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map((block) => parse(block[1]!) as DocumentedRole).filter((role) => role.kind === kind)
  if (roles.length !== 1) throw new Error(`docs/rbac.md section "${section}" shows ${roles.length} ${kind}s in yaml blocks, not one`)
  const [role] = roles as [DocumentedRole]
  const namespaces = kind === 'Role' ? [role.metadata?.namespace ?? 'default'] : undefined
  return (role.rules ?? []).map((rule) => ({
    apiGroups: rule.apiGroups ?? [],
    resources: rule.resources ?? [],
    verbs: rule.verbs ?? [],
    ...(namespaces ? {namespaces} : {}),
  }))
}

/**
 * `rules` without one verb on one resource (the other verbs and resources of its rule stay), to check
 * that a command needs it. Throws when no rule grants it, so a typo cannot make a vacuous test.
 */
export function withoutPermission(rules: readonly AccessRule[], verb: string, resource: string): AccessRule[] {
  if (!rules.some((rule) => rule.verbs.includes(verb) && rule.resources.includes(resource))) {
    throw new Error(`no rule grants ${verb} ${resource}`)
  }
  return rules.flatMap((rule) => {
    if (!rule.verbs.includes(verb) || !rule.resources.includes(resource)) return [rule]
    const otherResources = rule.resources.filter((candidate) => candidate !== resource)
    const otherVerbs = rule.verbs.filter((candidate) => candidate !== verb)
    return [...(otherResources.length > 0 ? [{...rule, resources: otherResources}] : []), ...(otherVerbs.length > 0 ? [{...rule, resources: [resource], verbs: otherVerbs}] : [])]
  })
}

/** The distinct "verb resource" pairs (subresources as "pods/log") of logged API requests, sorted. */
export function permissionsUsed(requests: readonly LoggedRequest[]): string[] {
  const used = requests
    .filter((request) => request.resource !== undefined)
    .map((request) => `${request.verb} ${request.subresource ? `${request.resource}/${request.subresource}` : request.resource}`)
  return [...new Set(used)].sort()
}
