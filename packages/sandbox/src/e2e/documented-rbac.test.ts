import {expect, test} from 'vitest'
import {documentedRules, permissionsUsed, withoutPermission} from './documented-rbac.js'

const DOC = `# RBAC

## first-plugin

| command | verbs and resources |
|---|---|

\`\`\`yaml
kind: Role
metadata: {name: first, namespace: ops}
rules:
- apiGroups: [batch]
  resources: [cronjobs, jobs]
  verbs: [get, list]
- apiGroups: [""]
  resources: [pods/log]
  verbs: [get]
\`\`\`

## second-plugin

\`\`\`yaml
kind: ClusterRole
metadata: {name: second}
rules:
- apiGroups: [""]
  resources: [namespaces]
  verbs: [list]
\`\`\`

\`\`\`yaml
kind: Role
metadata: {name: second, namespace: a}
rules: []
\`\`\`
`

test('a Role applies in its namespace, a ClusterRole everywhere; the section is chosen by its heading', () => {
  expect(documentedRules('first-plugin', 'Role', DOC)).toEqual([
    {apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: ['get', 'list'], namespaces: ['ops']},
    {apiGroups: [''], resources: ['pods/log'], verbs: ['get'], namespaces: ['ops']},
  ])
  expect(documentedRules('second-plugin', 'ClusterRole', DOC)).toEqual([{apiGroups: [''], resources: ['namespaces'], verbs: ['list']}])
  expect(documentedRules('second-plugin', 'Role', DOC)).toEqual([])
})

test.each([
  {section: 'third-plugin', kind: 'Role' as const, error: 'docs/rbac.md has no section "## third-plugin"'},
  {section: 'first-plugin', kind: 'ClusterRole' as const, error: 'docs/rbac.md section "first-plugin" shows 0 ClusterRoles in yaml blocks, not one'},
  {section: 'first', kind: 'Role' as const, error: 'docs/rbac.md has no section "## first"'},
])('$section $kind: $error', ({section, kind, error}) => {
  expect(() => documentedRules(section, kind, DOC)).toThrow(error)
})

test('withoutPermission takes one verb on one resource away and keeps the rest of its rule', () => {
  const rules = documentedRules('first-plugin', 'Role', DOC)
  expect(withoutPermission(rules, 'list', 'jobs')).toEqual([
    {apiGroups: ['batch'], resources: ['cronjobs'], verbs: ['get', 'list'], namespaces: ['ops']},
    {apiGroups: ['batch'], resources: ['jobs'], verbs: ['get'], namespaces: ['ops']},
    rules[1],
  ])
  expect(withoutPermission(rules, 'get', 'pods/log')).toEqual([rules[0]])
  expect(() => withoutPermission(rules, 'watch', 'jobs')).toThrow('no rule grants watch jobs')
})

test('the real docs/rbac.md documents a Role for cron-trigger', () => {
  expect(documentedRules('cron-trigger', 'Role').length).toBeGreaterThan(0)
})

test('permissionsUsed: distinct, sorted, subresources after a slash, non-resource requests left out', () => {
  const request = (verb: string, resource?: string, subresource?: string) => ({method: 'GET', path: '/', verb, status: 200, ...(resource ? {resource} : {}), ...(subresource ? {subresource} : {})})
  expect(permissionsUsed([request('list', 'pods'), request('get', 'pods', 'log'), request('get'), request('list', 'pods'), request('create', 'jobs')])).toEqual([
    'create jobs',
    'get pods/log',
    'list pods',
  ])
})
