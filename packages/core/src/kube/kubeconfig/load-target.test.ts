import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {stringify} from 'yaml'
import {KubelineError, UsageError} from '../../errors/kubeline-error.js'
import {loadKubeTarget} from './load-target.js'
import {parsePlainBlockYaml} from './plain-block-yaml.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

interface FileSpec {
  current?: string
  clusters?: Record<string, Record<string, unknown>>
  users?: Record<string, Record<string, unknown>>
  contexts?: Record<string, Record<string, unknown>>
}

function write(name: string, spec: FileSpec): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), {recursive: true})
  const list = (entries: Record<string, Record<string, unknown>> | undefined, key: string) =>
    Object.entries(entries ?? {}).map(([entryName, entry]) => ({name: entryName, [key]: entry}))
  fs.writeFileSync(file, stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': spec.current,
    clusters: list(spec.clusters, 'cluster'),
    users: list(spec.users, 'user'),
    contexts: list(spec.contexts, 'context'),
  }))
  return file
}

const env = (kubeconfig: string[]) => ({KUBECONFIG: kubeconfig.join(path.delimiter), HOME: dir})

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    return err instanceof KubelineError ? err.code : `not a KubelineError: ${String(err)}`
  }
  return undefined
}

describe('KUBECONFIG merging (client-go rules)', () => {
  test('the first file that sets a name wins, including current-context', () => {
    const a = write('a', {
      current: 'ctx-a',
      clusters: {shared: {server: 'https://a.example'}},
      users: {shared: {token: 'token-a'}},
      contexts: {'ctx-a': {cluster: 'shared', user: 'shared', namespace: 'team-a'}},
    })
    const b = write('b', {
      current: 'ctx-b',
      clusters: {shared: {server: 'https://b.example'}, only: {server: 'https://only-b.example'}},
      users: {shared: {token: 'token-b'}},
      contexts: {'ctx-b': {cluster: 'only', user: 'shared'}},
    })
    const target = loadKubeTarget({}, env([a, b]))
    expect(target.contextName).toBe('ctx-a')
    expect(target.cluster.server).toBe('https://a.example')
    expect(target.user.token).toBe('token-a')
    expect(target.namespace).toBe('team-a')

    const other = loadKubeTarget({context: 'ctx-b'}, env([a, b]))
    expect(other.cluster.server).toBe('https://only-b.example')
    expect(other.user.token).toBe('token-a') // user "shared" came from a first
    expect(other.namespace).toBe('default')
  })

  test('current-context comes from the first file that sets it, even if that file has nothing else', () => {
    const a = write('a', {})
    const b = write('b', {current: 'from-b'})
    const c = write('c', {
      current: 'from-c',
      clusters: {c: {server: 'https://c.example'}},
      contexts: {'from-b': {cluster: 'c', user: 'u'}, 'from-c': {cluster: 'c', user: 'u'}},
    })
    expect(loadKubeTarget({}, env([a, b, c])).contextName).toBe('from-b')
  })

  test('missing files and empty entries are skipped; duplicates are read once', () => {
    const a = write('a', {current: 'x', clusters: {x: {server: 'https://x.example'}}, contexts: {x: {cluster: 'x', user: 'x'}}})
    const target = loadKubeTarget({}, env([path.join(dir, 'missing'), '', a, a]))
    expect(target.cluster.server).toBe('https://x.example')
  })

  test('relative paths resolve against the file that holds them', () => {
    const a = write('nested/a', {
      current: 'x',
      clusters: {x: {server: 'https://x.example', 'certificate-authority': 'ca.crt'}},
      users: {x: {'client-certificate': 'certs/c.crt', 'client-key': '/abs/k.key', tokenFile: 'tok', exec: {command: './bin/login'}}},
      contexts: {x: {cluster: 'x', user: 'x'}},
    })
    const target = loadKubeTarget({}, env([a]))
    expect(target.cluster['certificate-authority']).toBe(path.join(dir, 'nested', 'ca.crt'))
    expect(target.user['client-certificate']).toBe(path.join(dir, 'nested', 'certs', 'c.crt'))
    expect(target.user['client-key']).toBe('/abs/k.key')
    expect(target.user.tokenFile).toBe(path.join(dir, 'nested', 'tok'))
    expect(target.user.exec?.command).toBe(path.join(dir, 'nested', 'bin', 'login'))
  })

  test('an exec command without a path separator is left for PATH lookup', () => {
    const a = write('a', {
      current: 'x',
      clusters: {x: {server: 'https://x.example'}},
      users: {x: {exec: {command: 'gke-gcloud-auth-plugin'}}},
      contexts: {x: {cluster: 'x', user: 'x'}},
    })
    expect(loadKubeTarget({}, env([a])).user.exec?.command).toBe('gke-gcloud-auth-plugin')
  })
})

describe('flags', () => {
  const base: FileSpec = {
    current: 'dev',
    clusters: {dev: {server: 'https://dev.example'}, prod: {server: 'https://prod.example', 'certificate-authority-data': 'Q0E='}},
    users: {dev: {token: 'dev-token'}, admin: {token: 'admin-token'}},
    contexts: {dev: {cluster: 'dev', user: 'dev', namespace: 'apps'}, prod: {cluster: 'prod', user: 'admin'}},
  }

  test('--kubeconfig reads only that file and must exist', () => {
    const a = write('a', base)
    const other = write('other', {current: 'o', clusters: {o: {server: 'https://o.example'}}, contexts: {o: {cluster: 'o', user: 'o'}}})
    expect(loadKubeTarget({kubeconfig: other}, env([a])).cluster.server).toBe('https://o.example')
    expect(codeOf(() => loadKubeTarget({kubeconfig: path.join(dir, 'nope')}, env([a])))).toBe('NO_CONFIG')
  })

  test('--context, --cluster, --user and -n override in kubectl order', () => {
    const a = write('a', base)
    expect(loadKubeTarget({context: 'prod'}, env([a])).cluster.server).toBe('https://prod.example')
    const mixed = loadKubeTarget({cluster: 'prod', user: 'admin', namespace: 'ops'}, env([a]))
    expect(mixed).toMatchObject({contextName: 'dev', clusterName: 'prod', userName: 'admin', namespace: 'ops', namespaceExplicit: true})
    expect(loadKubeTarget({}, env([a]))).toMatchObject({namespace: 'apps', namespaceExplicit: false})
  })

  test('--insecure-skip-tls-verify drops the CA and skips verification only when asked', () => {
    const a = write('a', base)
    expect(loadKubeTarget({context: 'prod'}, env([a])).cluster['insecure-skip-tls-verify']).toBeUndefined()
    const insecure = loadKubeTarget({context: 'prod', insecureSkipTlsVerify: true}, env([a]))
    expect(insecure.cluster['insecure-skip-tls-verify']).toBe(true)
    expect(insecure.cluster['certificate-authority-data']).toBeUndefined()
  })

  test.each([
    {name: 'unknown context', flags: {context: 'nope'}, code: 'NO_CONTEXT'},
    {name: 'unknown cluster', flags: {cluster: 'nope'}, code: 'INVALID_KUBECONFIG'},
    {name: 'unknown user', flags: {user: 'nope'}, code: 'INVALID_KUBECONFIG'},
  ])('$name is a usage error ($code)', ({flags, code}) => {
    const a = write('a', base)
    expect(codeOf(() => loadKubeTarget(flags, env([a])))).toBe(code)
  })

  test('no current context is NO_CONTEXT and names the available ones', () => {
    const a = write('a', {...base, current: undefined})
    expect(() => loadKubeTarget({}, env([a]))).toThrow('no current context')
    try {
      loadKubeTarget({}, env([a]))
    } catch (err) {
      expect((err as KubelineError).fix).toContain('available: dev, prod')
    }
  })

  test('a file that is not YAML is INVALID_KUBECONFIG naming the file', () => {
    const bad = path.join(dir, 'bad')
    fs.writeFileSync(bad, 'clusters: [unclosed')
    expect(() => loadKubeTarget({}, env([bad]))).toThrow(bad)
    expect(codeOf(() => loadKubeTarget({}, env([bad])))).toBe('INVALID_KUBECONFIG')
  })
})

/** One raw YAML line for each of a kubeconfig's parts. */
interface RawParts {
  currentContext?: string
  server?: string
  cluster?: string
  context?: string
  user?: string
  exec?: string
}

const forms = [
  {form: "kubectl's block form (the fast reader, unless it declines)", flowMapping: false},
  {form: 'a flow mapping (the yaml fallback)', flowMapping: true},
]

/** A kubeconfig with raw YAML in its parts and an exec user; a flow-mapping context makes the fast reader decline. */
function writeRaw(raw: RawParts, flowMapping = false): string {
  const file = path.join(dir, 'config')
  const flowContext = ['cluster: prod', 'user: ci', ...(raw.context === undefined ? [] : [raw.context])].join(', ')
  const text = [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${raw.currentContext ?? 'prod'}`,
    'clusters:',
    '- name: prod',
    '  cluster:',
    `    server: ${raw.server ?? 'https://prod.example'}`,
    ...(raw.cluster === undefined ? [] : [`    ${raw.cluster}`]),
    'contexts:',
    '- name: prod',
    ...(flowMapping ? [`  context: {${flowContext}}`] : ['  context:', '    cluster: prod', '    user: ci', ...(raw.context === undefined ? [] : [`    ${raw.context}`])]),
    'users:',
    '- name: ci',
    '  user:',
    ...(raw.user === undefined ? [] : [`    ${raw.user}`]),
    '    exec:',
    '      command: login',
    ...(raw.exec === undefined ? [] : [`      ${raw.exec}`]),
    '',
  ].join('\n')
  if (flowMapping) expect(parsePlainBlockYaml(text)).toBeUndefined()
  fs.writeFileSync(file, text)
  return file
}

function usageErrorOf(fn: () => unknown): UsageError {
  try {
    fn()
  } catch (err) {
    if (err instanceof UsageError) return err
    throw err
  }
  throw new Error('expected a UsageError')
}

describe('boolean fields: kubectl reads them with YAML 1.1 and refuses anything but a boolean', () => {
  describe.each(forms)('in $form', ({flowMapping}) => {
    test.each([
      {value: 'no', want: false},
      {value: 'OFF', want: false},
      {value: 'false', want: false},
      {value: 'yes', want: true},
      {value: 'on', want: true},
      {value: 'true', want: true},
    ])('insecure-skip-tls-verify: $value is $want', ({value, want}) => {
      const file = writeRaw({cluster: `insecure-skip-tls-verify: ${value}`}, flowMapping)
      expect(loadKubeTarget({}, env([file])).cluster['insecure-skip-tls-verify']).toBe(want)
    })

    test('exec provideClusterInfo: y is true', () => {
      const file = writeRaw({exec: 'provideClusterInfo: y'}, flowMapping)
      expect(loadKubeTarget({}, env([file])).user.exec?.provideClusterInfo).toBe(true)
    })

    test.each([
      {at: 'cluster', line: 'insecure-skip-tls-verify: "false"', field: 'insecure-skip-tls-verify', entry: 'cluster "prod"'},
      {at: 'cluster', line: "insecure-skip-tls-verify: 'no'", field: 'insecure-skip-tls-verify', entry: 'cluster "prod"'},
      {at: 'cluster', line: 'insecure-skip-tls-verify: 1', field: 'insecure-skip-tls-verify', entry: 'cluster "prod"'},
      {at: 'cluster', line: 'insecure-skip-tls-verify: 0755', field: 'insecure-skip-tls-verify', entry: 'cluster "prod"'},
      {at: 'cluster', line: 'disable-compression: "true"', field: 'disable-compression', entry: 'cluster "prod"'},
      {at: 'exec', line: 'provideClusterInfo: "yes"', field: 'exec.provideClusterInfo', entry: 'user "ci"'},
    ])('$at $line is refused: INVALID_KUBECONFIG naming the file, the entry and the field', ({at, line, field, entry}) => {
      const file = writeRaw({[at]: line}, flowMapping)
      const err = usageErrorOf(() => loadKubeTarget({}, env([file])))
      expect(err.code).toBe('INVALID_KUBECONFIG')
      expect(err.exitCode).toBe(2)
      expect(err.message).toContain(`"${file}"`)
      expect(err.message).toContain(entry)
      expect(err.message).toContain(`"${field}" must be true or false`)
    })
  })

  test('absent or null is false to client-go and accepted', () => {
    expect(loadKubeTarget({}, env([writeRaw({})])).cluster['insecure-skip-tls-verify']).toBeUndefined()
    expect(loadKubeTarget({}, env([writeRaw({cluster: 'insecure-skip-tls-verify: ~'})])).cluster['insecure-skip-tls-verify']).toBeUndefined()
  })

  test('a bad value is refused even in an entry that an earlier file shadows, as kubectl fails to load that file', () => {
    const first = write('first', {current: 'prod', clusters: {prod: {server: 'https://first.example'}}, contexts: {prod: {cluster: 'prod', user: 'ci'}}})
    const second = writeRaw({cluster: 'insecure-skip-tls-verify: "true"'})
    expect(codeOf(() => loadKubeTarget({}, env([first, second])))).toBe('INVALID_KUBECONFIG')
  })
})

describe('field types: kubectl refuses the file when a field holds a value of the wrong type', () => {
  describe.each(forms)('in $form', ({flowMapping}) => {
    test.each([
      {at: 'context', line: 'namespace: yes', entry: 'context "prod": ', want: '"namespace" must be a string, not a boolean'},
      {at: 'user', line: 'token: 0123', entry: 'user "ci": ', want: '"token" must be a string, not a number'},
      {at: 'server', line: '1', entry: 'cluster "prod": ', want: '"server" must be a string, not a number'},
      {at: 'exec', line: 'args: login', entry: 'user "ci": ', want: '"exec.args" must be a list of strings, not a string'},
      {at: 'exec', line: 'args: [--verbose, 2]', entry: 'user "ci": ', want: '"exec.args" must be a list of strings, not a list holding a number'},
      {at: 'exec', line: 'env: [{name: DEBUG, value: on}]', entry: 'user "ci": ', want: '"exec.env[0].value" must be a string, not a boolean'},
      {at: 'exec', line: 'env: DEBUG=1', entry: 'user "ci": ', want: '"exec.env" must be a list, not a string'},
      {at: 'currentContext', line: 'yes', entry: '', want: '"current-context" must be a string, not a boolean'},
      {at: 'user', line: 'client-certificate-data: [a]', entry: 'user "ci": ', want: '"client-certificate-data" must be a string, not a list'},
      {at: 'user', line: 'auth-provider: gcp', entry: 'user "ci": ', want: '"auth-provider" must be a mapping, not a string'},
      {at: 'user', line: 'auth-provider: {name: gcp, config: {ttl: 30}}', entry: 'user "ci": ', want: '"auth-provider.config.ttl" must be a string, not a number'},
    ])('$at $line is refused: INVALID_KUBECONFIG naming the file, the entry and the field', ({at, line, entry, want}) => {
      const file = writeRaw({[at]: line}, flowMapping)
      const err = usageErrorOf(() => loadKubeTarget({}, env([file])))
      expect(err.code).toBe('INVALID_KUBECONFIG')
      expect(err.exitCode).toBe(2)
      expect(err.message).toBe(`kubeconfig "${file}": ${entry}${want}`)
    })

    test.each([
      {name: 'a quoted yes', raw: {context: 'namespace: "yes"'}, want: {namespace: 'yes'}},
      {name: 'a date-like namespace (kubectl keeps timestamps as strings)', raw: {context: 'namespace: 2024-01-01'}, want: {namespace: '2024-01-01'}},
      {name: 'a quoted octal-looking token', raw: {user: 'token: "0123"'}, want: {user: {token: '0123'}}},
      {name: 'a quoted numeric-looking token', raw: {user: "token: '1e3'"}, want: {user: {token: '1e3'}}},
      {name: 'a sexagesimal-looking token (no such numbers in kubectl\'s YAML)', raw: {user: 'token: 1:20'}, want: {user: {token: '1:20'}}},
      {name: 'quoted exec args', raw: {exec: 'args: ["on", "1"]'}, want: {user: {exec: {args: ['on', '1']}}}},
      {name: 'a quoted exec env value', raw: {exec: 'env: [{name: DEBUG, value: "on"}]'}, want: {user: {exec: {env: [{name: 'DEBUG', value: 'on'}]}}}},
      {name: 'a null list item (an empty string, as client-go decodes it)', raw: {exec: 'args: [~]'}, want: {user: {exec: {command: 'login', args: ['']}}}},
      {name: 'an unknown field of any type (client-go ignores it)', raw: {cluster: 'colour: [1, 2]'}, want: {cluster: {colour: [1, 2]}}},
    ])('$name passes', ({raw, want}) => {
      const file = writeRaw(raw, flowMapping)
      expect(loadKubeTarget({}, env([file]))).toMatchObject(want)
    })
  })

  test('an exec user without a command loads (client-go leaves the command empty)', () => {
    const file = write('a', {current: 'prod', clusters: {prod: {server: 'https://prod.example'}}, users: {ci: {exec: {command: null}}}, contexts: {prod: {cluster: 'prod', user: 'ci'}}})
    expect(loadKubeTarget({}, env([file])).user.exec).toStrictEqual({})
  })

  test('null reads as client-go decodes it, the zero value: namespace ~ is "default", a null env item an empty one', () => {
    const target = loadKubeTarget({}, env([writeRaw({context: 'namespace: ~', exec: 'env: [~, {name: A, value: b}]'})]))
    expect(target.namespace).toBe('default')
    expect(target.user.exec).toStrictEqual({command: 'login', env: [{}, {name: 'A', value: 'b'}]})
    expect(loadKubeTarget({}, env([writeRaw({exec: 'args: ~'})])).user.exec).toStrictEqual({command: 'login'})
  })

  test('an entry that is not a mapping is refused', () => {
    const file = path.join(dir, 'config')
    fs.writeFileSync(file, 'contexts:\n- name: prod\n  context: prod-cluster\n')
    expect(usageErrorOf(() => loadKubeTarget({}, env([file]))).message).toBe(`kubeconfig "${file}": context "prod" must be a mapping, not a string`)
  })

  test('a wrong type is refused in an entry that an earlier file shadows, as kubectl fails to load that file', () => {
    const first = write('first', {current: 'prod', contexts: {prod: {cluster: 'prod', user: 'ci', namespace: 'team'}}})
    const second = writeRaw({context: 'namespace: on'})
    expect(codeOf(() => loadKubeTarget({}, env([first, second])))).toBe('INVALID_KUBECONFIG')
  })
})

describe('in-cluster service account', () => {
  test('used when no kubeconfig exists and the service account is mounted', () => {
    const sa = path.join(dir, 'sa')
    fs.mkdirSync(sa)
    fs.writeFileSync(path.join(sa, 'token'), 'sa-token')
    fs.writeFileSync(path.join(sa, 'namespace'), 'jobs\n')
    const inCluster = {HOME: dir, KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443'}
    const target = loadKubeTarget({}, inCluster, {serviceAccountDir: sa})
    expect(target).toMatchObject({contextName: 'in-cluster', namespace: 'jobs', user: {tokenFile: path.join(sa, 'token')}})
    expect(target.cluster).toEqual({server: 'https://10.0.0.1:443', 'certificate-authority': path.join(sa, 'ca.crt')})
    expect(loadKubeTarget({namespace: 'x'}, inCluster, {serviceAccountDir: sa}).namespace).toBe('x')
  })

  test('without either, NO_CONFIG says what to do', () => {
    expect(codeOf(() => loadKubeTarget({}, {HOME: dir}, {serviceAccountDir: path.join(dir, 'none')}))).toBe('NO_CONFIG')
  })

  test('~/.kube/config is read when KUBECONFIG is unset', () => {
    write('.kube/config', {current: 'h', clusters: {h: {server: 'https://home.example'}}, contexts: {h: {cluster: 'h', user: 'h'}}})
    expect(loadKubeTarget({}, {HOME: dir}).cluster.server).toBe('https://home.example')
  })
})
