import {describe, expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import {MAX_ALIAS_COUNT, parseManifests} from './parse-manifests.js'

function parseError(text: string): KubelineError {
  try {
    parseManifests(text, 'app.yaml')
  } catch (error) {
    if (error instanceof KubelineError) return error
    throw error
  }
  throw new Error('expected parseManifests to throw')
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: payments
`

describe('parseManifests', () => {
  test('keeps file, document index and line of every object', () => {
    const text = `# leading comment\n---\n${deployment}---\n\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n`
    const objects = parseManifests(text, 'app.yaml')
    expect(objects.map((o) => [o.object.kind, o.source])).toEqual([
      ['Deployment', {file: 'app.yaml', document: 0, line: 3}],
      ['Service', {file: 'app.yaml', document: 2, line: 11}],
    ])
  })

  test.each([
    {name: 'empty text', text: ''},
    {name: 'only comments', text: '# nothing here\n'},
    {name: 'only separators', text: '---\n---\n'},
    {name: 'explicit null documents', text: 'null\n---\n~\n'},
  ])('$name yields no objects', ({text}) => {
    expect(parseManifests(text, 'app.yaml')).toEqual([])
  })

  // kubectl sniffs every input, file or stdin: a first non-blank `{` means strict JSON
  // (apimachinery pkg/util/yaml/decoder.go GuessJSONStream), whatever the file is called.
  test.each([
    {name: 'trailing comma', file: 'c.json', text: '{"apiVersion": "v1", "kind": "ConfigMap",}\n', message: 'c.json:1: invalid JSON: Expected double-quoted property name (column 42)'},
    {name: 'unquoted key after leading blank lines', file: 'c.json', text: '\n\n{\n  apiVersion: "v1"\n}\n', message: 'c.json:4: invalid JSON: Expected property name or \'}\' (column 3)'},
    {name: 'comment', file: 'c.json', text: '{"apiVersion": "v1", // core\n"kind": "Pod"}', message: /^c\.json:1: invalid JSON: .* \(column 22\)$/},
    {name: 'flow YAML in a .yaml file', file: 'c.yaml', text: '{apiVersion: v1, kind: Pod}\n', message: /^c\.yaml:1: invalid JSON: /},
    {name: 'trailing comma on stdin', file: '<stdin>', text: '{"apiVersion": "v1", "kind": "Pod",}', message: /^<stdin>:1: invalid JSON: Expected double-quoted property name \(column 36\)$/},
    // kubectl: "json: offset 65: invalid character '-' in numeric literal"
    {name: 'YAML document separators between objects', file: 'c.yaml', text: '{"apiVersion": "v1", "kind": "Pod"}\n---\n{"apiVersion": "v1", "kind": "Pod"}\n', message: 'c.yaml:2: invalid JSON: No number after minus sign (column 2)'},
    {name: 'a trailing comma in the second of two objects', file: 'c.json', text: '{"apiVersion": "v1", "kind": "Pod"}\n{"apiVersion": "v1",\n "kind": "Pod",}\n', message: 'c.json:3: invalid JSON: Expected double-quoted property name (column 16)'},
    {name: 'an object not closed', file: 'c.json', text: '{"apiVersion": "v1", "kind": "Pod"', message: /^c\.json:1: invalid JSON: /},
  ])('JSON with $name is INVALID_MANIFEST', ({file, text, message}) => {
    const error = (() => {
      try {
        parseManifests(text, file)
      } catch (thrown) {
        return thrown as KubelineError
      }
      throw new Error('expected parseManifests to throw')
    })()
    expect(error.code).toBe('INVALID_MANIFEST')
    expect(error.exitCode).toBe(2)
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
  })

  test('JSON objects one after another are each an object, as kubectl reads a JSON stream', () => {
    const text = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}\n{"apiVersion": "v1",\n "kind": "ConfigMap", "metadata": {"name": "b {}\\""}} {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}'
    const parsed = parseManifests(text, 'c.json')
    expect(parsed.map(({object, source}) => [object.metadata.name, source.line])).toEqual([['a', 1], ['b {}"', 2], ['c', 3]])
  })

  test('a .json file holding YAML is read as YAML, as kubectl does', () => {
    expect(parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n', 'c.json')[0]?.object.metadata.name).toBe('c')
  })

  test('parses JSON, tabs included', () => {
    const [first] = parseManifests('{\n\t"apiVersion": "v1",\n\t"kind": "ConfigMap",\n\t"metadata": {"name": "c"}\n}\n', 'c.json')
    expect(first?.object).toEqual({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c'}})
    expect(first?.source.line).toBe(1)
  })

  test('expands List and *List kinds with the line and index of each item', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
  - apiVersion: v1
    kind: PodList
    items:
      - {apiVersion: v1, kind: Pod, metadata: {name: p}}
---
{"apiVersion": "v1", "kind": "List", "items": []}
`
    const objects = parseManifests(text, 'list.yaml')
    expect(objects.map((o) => [o.object.metadata.name, o.source])).toEqual([
      ['a', {file: 'list.yaml', document: 0, line: 4, item: 0}],
      ['p', {file: 'list.yaml', document: 0, line: 10, item: 0}],
    ])
  })

  test('a *List kind without items is an ordinary object', () => {
    const [only] = parseManifests('apiVersion: example.com/v1\nkind: AllowList\nspec: {}\n', 'a.yaml')
    expect(only?.object.kind).toBe('AllowList')
  })

  test('adds empty metadata when a manifest has none', () => {
    expect(parseManifests('apiVersion: v1\nkind: Namespace\n', 'ns.yaml')[0]?.object.metadata).toEqual({})
  })

  // kubectl decodes with go-yaml v2 (sigs.k8s.io/yaml): YAML 1.1 scalars and merge keys,
  // but timestamps and sexagesimal-looking values stay strings.
  test('decodes scalars the way kubectl does', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
defaults: &defaults {mode: 0644, enabled: yes}
spec:
  <<: *defaults
  created: 2024-01-01T00:00:00Z
  time: 1:20
  count: 1_000
  flag: off
  name: "yes"
  raw: !!binary aGVsbG8=
`
    expect(parseManifests(text, 'c.yaml')[0]?.object.spec).toEqual({
      mode: 420,
      enabled: true,
      created: '2024-01-01T00:00:00Z',
      time: '1:20',
      count: 1000,
      flag: false,
      name: 'yes',
      raw: 'aGVsbG8=',
    })
  })

  test.each([
    {name: 'bad indentation', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   labels: x\n', where: 'app.yaml:4:', problem: /Nested mappings .* \(column 9\)$/},
    {name: 'unclosed flow sequence', text: 'apiVersion: v1\nkind: Pod\nspec: [1, 2\n', where: 'app.yaml:4:', problem: /Flow sequence/},
    {name: 'duplicate key', text: 'apiVersion: v1\nkind: Pod\nkind: Service\n', where: 'app.yaml:3:', problem: /unique/},
    {name: 'unresolved alias', text: 'apiVersion: v1\nkind: Pod\nspec: *nope\n', where: 'app.yaml:1:', problem: /alias/},
    {name: 'sequence document', text: '- a\n- b\n', where: 'app.yaml:1:', problem: /got a sequence/},
    {name: 'scalar document', text: `${deployment}---\nhello\n`, where: 'app.yaml:7:', problem: /got the scalar "hello"/},
    {name: 'missing kind', text: 'apiVersion: v1\nmetadata: {name: a}\n', where: 'app.yaml:1:', problem: /missing "kind"/},
    {name: 'missing apiVersion', text: 'kind: Pod\n', where: 'app.yaml:1:', problem: /missing "apiVersion"/},
    {name: 'empty kind', text: 'apiVersion: v1\nkind: ""\n', where: 'app.yaml:1:', problem: /"kind" must be a non-empty string/},
    {name: 'numeric apiVersion', text: 'apiVersion: 1\nkind: Pod\n', where: 'app.yaml:1:', problem: /"apiVersion" must be a non-empty string/},
    {name: 'metadata not a mapping', text: 'apiVersion: v1\nkind: Pod\nmetadata: web\n', where: 'app.yaml:1:', problem: /"metadata" must be a mapping/},
    {name: 'numeric name', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: 42}\n', where: 'app.yaml:1:', problem: /"metadata.name" must be a string, got number 42/},
    {name: 'numeric label value', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {version: 1.0}\n', where: 'app.yaml:1:', problem: /"metadata.labels.version" must be a string, got number 1: quote it/},
    {name: 'boolean annotation', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: {ready: yes}\n', where: 'app.yaml:1:', problem: /"metadata.annotations.ready" must be a string, got boolean true/},
    {name: 'list item without kind', text: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n  - x: 1\n', where: 'app.yaml:4:', problem: /missing "kind"/},
    {name: 'list item that is a string', text: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n  - hello\n', where: 'app.yaml:6:', problem: /got string "hello"/},
  ])('$name is INVALID_MANIFEST at $where', ({text, where, problem}) => {
    const error = parseError(text)
    expect(error.code).toBe('INVALID_MANIFEST')
    expect(error.exitCode).toBe(2)
    expect(error.message.startsWith(`${where} `)).toBe(true)
    expect(error.message).toMatch(problem)
  })

  test('an exponential alias bomb fails fast with a clear message', () => {
    // "Billion laughs": nine levels of nine aliases would expand to 9^9 strings.
    let text = 'apiVersion: v1\nkind: ConfigMap\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    let previous = 'a'
    for (const anchor of 'bcdefghi') {
      text += `${anchor}: &${anchor} [${Array(9).fill(`*${previous}`).join(',')}]\n`
      previous = anchor
    }
    const started = performance.now()
    const error = parseError(text)
    expect(performance.now() - started).toBeLessThan(10_000) // a guard against expansion (minutes), not a speed target
    expect(error.code).toBe('INVALID_MANIFEST')
    expect(error.message).toBe(
      `app.yaml:1: YAML aliases expand beyond the limit of ${MAX_ALIAS_COUNT} (one anchor used too often, or aliases nested exponentially); refusing a possible "billion laughs" input`,
    )
  })

  test.each([
    {uses: MAX_ALIAS_COUNT - 1, fails: false},
    {uses: MAX_ALIAS_COUNT, fails: true},
  ])('an anchor used $uses times fails: $fails', ({uses, fails}) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nbase: &base {a: 1}\nuses:\n${'  - *base\n'.repeat(uses)}`
    const parse = () => parseManifests(text, 'app.yaml')
    if (fails) expect(parse).toThrow(/billion laughs/)
    else expect(parse()[0]?.object.uses).toHaveLength(uses)
  })

  test('a few ordinary aliases are fine', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: &l {app: web}\n  annotations: *l\n'
    expect(parseManifests(text, 'c.yaml')[0]?.object.metadata.annotations).toEqual({app: 'web'})
  })

  test('deeply nested input is an error, not a stack overflow', () => {
    const depth = 20_000
    const error = parseError(`apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(depth)}${']'.repeat(depth)}\n`)
    expect(error.code).toBe('INVALID_MANIFEST')
    expect(error.message).toMatch(/^app\.yaml:3: /)
  })
})

describe('parseManifests with validateBuiltIns', () => {
  const potato = 'apiVersion: v1\nkind: Potato\nmetadata: {name: spud}\n'
  test('is off by default: unknown built-in kinds pass through', () => {
    expect(parseManifests(potato, 'app.yaml').map(({object}) => object.kind)).toEqual(['Potato'])
  })

  test.each([
    {name: 'unknown kind, second document', text: `${deployment}---\n${potato}`, message: 'app.yaml:7: unknown kind "Potato" in apiVersion "v1"'},
    {name: 'unknown apiVersion', text: deployment.replace('apps/v1', 'apps/v999'), message: /^app\.yaml:1: unknown apiVersion "apps\/v999" for kind "Deployment"/},
    {name: 'bad name inside a List', text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: Bad_Name!}\n', message: /^app\.yaml:4: invalid metadata\.name "Bad_Name!" for Pod: a lowercase RFC 1123 subdomain/},
  ])('refuses $name with file:line', ({text, message}) => {
    const error = (() => {
      try {
        parseManifests(text, 'app.yaml', {validateBuiltIns: true})
      } catch (thrown) {
        return thrown as KubelineError
      }
      throw new Error('expected parseManifests to throw')
    })()
    expect(error.code).toBe('INVALID_MANIFEST')
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
  })

  // apimachinery pkg/api/validation/objectmeta.go: "name or generateName is required", for every kind
  test.each([
    {name: 'Pod, second document', text: `${deployment}---\napiVersion: v1\nkind: Pod\nmetadata: {namespace: payments}\n`, message: 'app.yaml:7 (document 2): Pod has neither metadata.name nor metadata.generateName: resource name may not be empty'},
    {name: 'object without metadata', text: 'apiVersion: apps/v1\nkind: Deployment\nspec: {}\n', message: 'app.yaml:1: Deployment has neither metadata.name nor metadata.generateName: resource name may not be empty'},
    {name: 'empty name', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ""}\n', message: 'app.yaml:1: Namespace has neither metadata.name nor metadata.generateName: resource name may not be empty'},
    {name: 'CRD object', text: 'apiVersion: example.com/v1\nkind: Potato\nmetadata: {}\n', message: 'app.yaml:1: Potato has neither metadata.name nor metadata.generateName: resource name may not be empty'},
    {name: 'List item', text: 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {apiVersion: v1, kind: ConfigMap}\n', message: 'app.yaml:5 (items[1]): ConfigMap has neither metadata.name nor metadata.generateName: resource name may not be empty'},
    {name: 'JSON document', text: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"generateName": ""}}', message: 'app.yaml:1: Pod has neither metadata.name nor metadata.generateName: resource name may not be empty'},
  ])('refuses a nameless $name', ({text, message}) => {
    const error = (() => {
      try {
        parseManifests(text, 'app.yaml', {validateBuiltIns: true, requireNames: true})
      } catch (thrown) {
        return thrown as KubelineError
      }
      throw new Error('expected parseManifests to throw')
    })()
    expect(error.code).toBe('INVALID_MANIFEST')
    expect(error.exitCode).toBe(2)
    expect(error.message).toBe(message)
    expect(error.fix).toBe('Set metadata.name.')
  })

  test.each([
    {name: 'generateName alone', metadata: '{generateName: web-}'},
    {name: 'generateName with an empty name', metadata: '{name: "", generateName: web-}'},
  ])('accepts $name', ({metadata}) => {
    const [only] = parseManifests(`apiVersion: v1\nkind: Pod\nmetadata: ${metadata}\n`, 'app.yaml', {validateBuiltIns: true, requireNames: true})
    expect(only?.object.metadata.generateName).toBe('web-')
  })

  test('a template read with validateBuiltIns alone needs no name (rollout-canary start -f: only its spec.template is used)', () => {
    expect(parseManifests('apiVersion: apps/v1\nkind: Deployment\nspec: {}\n', 'canary.yaml', {validateBuiltIns: true}).map(({object}) => object.kind)).toEqual(['Deployment'])
  })

  test('objects without a name pass when not validating (expectation suites, fixtures)', () => {
    expect(parseManifests('apiVersion: v1\nkind: Pod\n', 'app.yaml').map(({object}) => object.kind)).toEqual(['Pod'])
  })

  test('a List and objects of CRD groups pass', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: example.com/v1, kind: Potato, metadata: {name: Spud_1}}\n'
    expect(parseManifests(text, 'app.yaml', {validateBuiltIns: true}).map(({object}) => object.kind)).toEqual(['Potato'])
  })
})
