import {describe, expect, test, vi} from 'vitest'
import {parse, parseDocument, stringify} from 'yaml'
import {KUBECONFIG_YAML_OPTIONS, parsePlainBlockYaml} from './plain-block-yaml.js'

/** What the reader must agree with whenever it answers: the fallback parse, with kubectl's YAML 1.1. */
const parseWithYaml = (text: string): unknown => parse(text, KUBECONFIG_YAML_OPTIONS)

const kind = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURB==
    server: https://127.0.0.1:40761
  name: kind-kind
contexts:
- context:
    cluster: kind-kind
    user: kind-kind
  name: kind-kind
current-context: kind-kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURJVENDQWdtZ0F3SUJBZ0lJ
    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB
`

const minikube = `apiVersion: v1
clusters:
- cluster:
    certificate-authority: /home/dev/.minikube/ca.crt
    extensions:
    - extension:
        last-update: Mon, 24 Nov 2026 10:15:02 UTC
        provider: minikube.sigs.k8s.io
        version: v1.34.0
      name: cluster_info
    server: https://192.168.49.2:8443
  name: minikube
contexts:
- context:
    cluster: minikube
    extensions:
    - extension:
        last-update: Mon, 24 Nov 2026 10:15:02 UTC
        provider: minikube.sigs.k8s.io
        version: v1.34.0
      name: context_info
    namespace: default
    user: minikube
  name: minikube
current-context: minikube
kind: Config
preferences: {}
users:
- name: minikube
  user:
    client-certificate: /home/dev/.minikube/profiles/minikube/client.crt
    client-key: /home/dev/.minikube/profiles/minikube/client.key
`

const cloudExecUsers = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTg==
    server: https://34.78.10.2
  name: gke_shop-prod_europe-west1_main
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTg==
    server: https://0A1B2C3D4E.gr7.eu-west-1.eks.amazonaws.com
  name: arn:aws:eks:eu-west-1:123456789012:cluster/payments
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTg==
    server: https://aks-main-dns-1a2b3c4d.hcp.westeurope.azmk8s.io:443
  name: aks-main
contexts:
- context:
    cluster: gke_shop-prod_europe-west1_main
    user: gke_shop-prod_europe-west1_main
  name: gke_shop-prod_europe-west1_main
- context:
    cluster: arn:aws:eks:eu-west-1:123456789012:cluster/payments
    namespace: payments
    user: arn:aws:eks:eu-west-1:123456789012:cluster/payments
  name: arn:aws:eks:eu-west-1:123456789012:cluster/payments
- context:
    cluster: aks-main
    user: clusterUser_rg-main_aks-main
  name: aks-main
current-context: arn:aws:eks:eu-west-1:123456789012:cluster/payments
kind: Config
preferences: {}
users:
- name: gke_shop-prod_europe-west1_main
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args: null
      command: gke-gcloud-auth-plugin
      env: null
      installHint: Install gke-gcloud-auth-plugin for use with kubectl
      interactiveMode: IfAvailable
      provideClusterInfo: true
- name: arn:aws:eks:eu-west-1:123456789012:cluster/payments
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args:
      - --region
      - eu-west-1
      - eks
      - get-token
      - --cluster-name
      - payments
      - --output
      - json
      command: aws
      env:
      - name: AWS_PROFILE
        value: payments-admin
      - name: AWS_STS_REGIONAL_ENDPOINTS
        value: regional
      interactiveMode: IfAvailable
      provideClusterInfo: false
- name: clusterUser_rg-main_aks-main
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args:
      - get-token
      - --environment
      - AzurePublicCloud
      - --server-id
      - 6dae42f8-4368-4678-94ff-3960e28e3630
      - --login
      - devicecode
      command: kubelogin
      env: null
      interactiveMode: IfAvailable
      provideClusterInfo: false
`

const oidcAuthProvider = `apiVersion: v1
clusters:
- cluster:
    server: https://k8s.example.com:6443/#x
    insecure-skip-tls-verify: true
  name: corp
contexts:
- context:
    cluster: corp
    user: alice@example.com
  name: corp
current-context: corp
kind: Config
preferences: {}
users:
- name: alice@example.com
  user:
    auth-provider:
      config:
        client-id: kubernetes
        client-secret: 1db158f6-177d-4d9c-8a8b-d36869918ec5
        id-token: eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlLmNvbSJ9.c2ln
        idp-certificate-authority: /etc/ssl/idp-ca.pem
        idp-issuer-url: https://idp.example.com/realms/corp#fragment
        refresh-token: Cg1hY2Nv#not-a-comment
      name: oidc
`

const tokensProxiesAndQuoting = `# written by hand around what kubectl writes
---
apiVersion: v1
clusters:
- cluster:
    proxy-url: http://proxy.internal:3128
    server: https://10.0.0.1:6443
    tls-server-name: api.internal
  name: staging

- cluster:
    server: https://[fd00::1]:6443
  name: ipv6
contexts:
- context:
    cluster: staging
    namespace: "2024"
    user: ci
  name: staging
- context:
    cluster: ipv6
    namespace: 'o''brien'
    user: ci
  name: ipv6
current-context: ""
kind: Config
preferences:
  colors: false
users:
- name: ci
  user:
    token: 0a1b2c3d4e5f60718293a4b5c6d7e8f9
- name: basic
  user:
    password: p@ss:word
    username: admin
- name: empty
  user: {}
- name: nothing
  user:
`

/** The same shape as packages/sandbox/src/kubeconfig/write-kubeconfig.ts writes: `yaml`'s stringify, sequences indented. */
const sandbox = stringify({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{name: 'sandbox', cluster: {server: 'https://127.0.0.1:38211', 'certificate-authority-data': Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64')}}],
  users: [{name: 'sandbox', user: {token: '7f3e9a0c1b2d4e5f'}}],
  contexts: [{name: 'sandbox', context: {cluster: 'sandbox', user: 'sandbox', namespace: 'payments'}}],
  'current-context': 'sandbox',
  preferences: {},
})

const realisticKubeconfigs = [
  {name: 'kind', text: kind},
  {name: 'minikube with extensions', text: minikube},
  {name: 'GKE, EKS and AKS exec users', text: cloudExecUsers},
  {name: 'OIDC auth-provider with a config map', text: oidcAuthProvider},
  {name: 'tokens, proxies, quoted scalars, comments and ---', text: tokensProxiesAndQuoting},
  {name: 'the sandbox kubeconfig', text: sandbox},
]

describe('parsePlainBlockYaml', () => {
  test('the sandbox kubeconfig really uses indented sequences', () => {
    expect(sandbox).toContain('\nclusters:\n  - name: sandbox\n    cluster:\n')
  })

  test.each(realisticKubeconfigs)('reads $name exactly as yaml does', ({text}) => {
    const read = parsePlainBlockYaml(text)
    expect(read).toBeDefined()
    expect(read).toStrictEqual(parseWithYaml(text))
  })

  test.each([
    {text: 'a: ~\nb: null\nc: NULL\nd:\n', want: {a: null, b: null, c: null, d: null}},
    {text: 'a: true\nb: False\nc: TRUE\nd: false\n', want: {a: true, b: false, c: true, d: false}},
    {text: 'a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: Y\nh: Off\n', want: {a: true, b: false, c: true, d: false, e: true, f: false, g: true, h: false}},
    {text: 'a: 0a1b\nb: 0o7\nc: 0b2\nd: 0x\ne: 1.2.3\nf: v1.34.0\n', want: {a: '0a1b', b: '0o7', c: '0b2', d: '0x', e: '1.2.3', f: 'v1.34.0'}},
    {text: 'a: 1:20\nb: 2001-12-14\nc: <<\nd: yess\ne: e\n', want: {a: '1:20', b: '2001-12-14', c: '<<', d: 'yess', e: 'e'}},
    {text: `a: "x: #y"\nb: 'it''s'\nc: ''\nd: ":"\n`, want: {a: 'x: #y', b: "it's", c: '', d: ':'}},
    {text: 'a: -x\nb: :x\nc: ?x\nd: a:b\ne: a[b]{c},\nf: a  b\n', want: {a: '-x', b: ':x', c: '?x', d: 'a:b', e: 'a[b]{c},', f: 'a  b'}},
    {text: 'a:\n- ---\n-\n-   b: x\n    c:\n    - d\n', want: {a: ['---', null, {b: 'x', c: ['d']}]}},
  ])('resolves scalars as YAML 1.1 does for kubectl: $text', ({text, want}) => {
    expect(parsePlainBlockYaml(text)).toStrictEqual(want)
    expect(parseWithYaml(text)).toStrictEqual(want)
  })

  test.each<{reason: string; text: string; yaml: 'throws' | {gives: unknown}}>([
    {reason: 'carriage return', text: 'a: b\r\n', yaml: {gives: {a: 'b'}}},
    {reason: 'tab', text: 'a:\tb\n', yaml: {gives: {a: 'b'}}},
    {reason: 'byte order mark', text: '\ufeffa: b\n', yaml: {gives: {a: 'b'}}},
    {reason: 'C0 control character', text: 'a: b\u0007\n', yaml: {gives: {a: 'b\u0007'}}},
    {reason: 'DEL', text: 'a: b\u007f\n', yaml: {gives: {a: 'b\u007f'}}},
    {reason: 'C1 control character (NEL)', text: 'a: b\u0085c\n', yaml: {gives: {a: 'b\u0085c'}}},
    {reason: 'line separator', text: 'a: b\u2028c\n', yaml: {gives: {a: 'b\u2028c'}}},
    {reason: 'lone surrogate', text: 'a: \ud800\n', yaml: {gives: {a: '\ud800'}}},
    {reason: 'noncharacter U+FFFE', text: 'a: \ufffe\n', yaml: {gives: {a: '\ufffe'}}},
    {reason: 'non-BMP character', text: 'a: \u{1f600}\n', yaml: {gives: {a: '\u{1f600}'}}},
    {reason: 'a second document', text: 'a: x\n---\nb: y\n', yaml: 'throws'},
    {reason: 'a second document start', text: '---\n---\na: x\n', yaml: 'throws'},
    {reason: 'document end marker', text: 'a: x\n...\n', yaml: {gives: {a: 'x'}}},
    {reason: 'directive: %YAML 1.2 makes yes a string', text: '%YAML 1.2\n---\na: yes\n', yaml: {gives: {a: 'yes'}}},
    {reason: 'empty text', text: '', yaml: {gives: null}},
    {reason: 'only a comment', text: '# nothing\n', yaml: {gives: null}},
    {reason: 'only a document start', text: '---\n', yaml: {gives: null}},
    {reason: 'top-level sequence', text: '- a\n', yaml: {gives: ['a']}},
    {reason: 'top-level scalar', text: 'hello\n', yaml: {gives: 'hello'}},
    {reason: 'indented top-level mapping', text: '  a: b\n', yaml: {gives: {a: 'b'}}},
    {reason: 'quoted key', text: '"a": b\n', yaml: {gives: {a: 'b'}}},
    {reason: 'key with a space', text: 'a b: c\n', yaml: {gives: {'a b': 'c'}}},
    {reason: 'key:value is a scalar, not an entry', text: 'a:b\n', yaml: {gives: 'a:b'}},
    {reason: 'null word as key becomes the empty key', text: 'null: x\n', yaml: {gives: {'': 'x'}}},
    {reason: 'bool word as key', text: 'True: x\n', yaml: {gives: {true: 'x'}}},
    {reason: 'YAML 1.1 bool word yes as key', text: 'yes: x\n', yaml: {gives: {true: 'x'}}},
    {reason: 'YAML 1.1 bool word No as key', text: 'No: x\n', yaml: {gives: {false: 'x'}}},
    {reason: 'YAML 1.1 bool word on as key', text: 'on: x\n', yaml: {gives: {true: 'x'}}},
    {reason: 'YAML 1.1 bool word OFF as key', text: 'OFF: x\n', yaml: {gives: {false: 'x'}}},
    {reason: 'YAML 1.1 bool word y as key', text: 'y: x\n', yaml: {gives: {true: 'x'}}},
    {reason: 'YAML 1.1 bool word n as key', text: 'n: x\n', yaml: {gives: {false: 'x'}}},
    {reason: 'YAML 1.1 float as key', text: 'e3: x\n', yaml: {gives: {NaN: 'x'}}},
    {reason: '__proto__ key', text: '__proto__: x\n', yaml: {gives: JSON.parse('{"__proto__": "x"}')}},
    {reason: 'key over 1024 characters', text: `${'k'.repeat(1025)}: v\n`, yaml: 'throws'},
    {reason: 'duplicate key', text: 'a: x\na: y\n', yaml: 'throws'},
    {reason: 'nested compact mapping', text: 'key: a: b\n', yaml: 'throws'},
    {reason: 'nested compact sequence', text: 'a:\n- - x\n', yaml: {gives: {a: [['x']]}}},
    {reason: 'multi-line plain scalar', text: 'a: b\n  c\n', yaml: {gives: {a: 'b c'}}},
    {reason: 'multi-line plain scalar in a sequence', text: 'a:\n- b\n  c\n', yaml: {gives: {a: ['b c']}}},
    {
      reason: 'multi-line plain scalar as go-yaml wraps a long installHint',
      text: 'installHint: Install gke-gcloud-auth-plugin for use with kubectl by following\n  https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin\n',
      yaml: {gives: {installHint: 'Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin'}},
    },
    {reason: 'scalar on its own line', text: 'a:\n  b\n', yaml: {gives: {a: 'b'}}},
    {reason: 'entry less indented than its siblings', text: 'a:\n    b: x\n  c: y\n', yaml: 'throws'},
    {reason: 'non-entry line in a mapping', text: 'a: x\nb\n', yaml: 'throws'},
    {reason: 'sequence item after a scalar value', text: 'a: x\n- b\n', yaml: 'throws'},
    {reason: 'entry after an indented sequence', text: 'a:\n  - x\n  b: y\n', yaml: 'throws'},
    {reason: 'indentation deeper than the reader follows', text: `a:\n${' '.repeat(129)}b: c\n`, yaml: {gives: {a: {b: 'c'}}}},
    {reason: 'flow mapping', text: 'a: {b: c}\n', yaml: {gives: {a: {b: 'c'}}}},
    {reason: 'flow sequence', text: 'a: [x]\n', yaml: {gives: {a: ['x']}}},
    {reason: 'escape in double quotes', text: 'a: "x\\ny"\n', yaml: {gives: {a: 'x\ny'}}},
    {reason: 'multi-line double-quoted scalar', text: 'a: "x\n  y"\n', yaml: {gives: {a: 'x y'}}},
    {reason: 'unclosed single quote', text: "a: 'x\n", yaml: 'throws'},
    {reason: 'text after the closing quote', text: 'a: "x" y\n', yaml: 'throws'},
    {reason: 'comment after a quoted value', text: "a: 'x' # c\n", yaml: {gives: {a: 'x'}}},
    {reason: 'anchor', text: 'a: &x b\n', yaml: {gives: {a: 'b'}}},
    {reason: 'alias', text: 'a: *x\n', yaml: 'throws'},
    {reason: 'tag', text: 'a: !!str 1\n', yaml: {gives: {a: '1'}}},
    {reason: 'literal block scalar', text: 'a: |\n  x\n', yaml: {gives: {a: 'x\n'}}},
    {reason: 'folded block scalar', text: 'a: >\n  x\n', yaml: {gives: {a: 'x\n'}}},
    {reason: 'reserved @', text: 'a: @x\n', yaml: 'throws'},
    {reason: 'reserved backtick', text: 'a: `x\n', yaml: 'throws'},
    {reason: 'value starting with %', text: 'a: %x\n', yaml: 'throws'},
    {reason: 'explicit key', text: 'a: ? x\n', yaml: 'throws'},
    {reason: 'sequence indicator after a key', text: 'a: - x\n', yaml: 'throws'},
    {reason: 'flow indicator at the start', text: 'a: ,x\n', yaml: 'throws'},
    {reason: 'comment after a plain value', text: 'a: b # c\n', yaml: {gives: {a: 'b'}}},
    {reason: 'plain value ending in :', text: 'a: b:\n', yaml: 'throws'},
    {reason: 'integer', text: 'a: 1\n', yaml: {gives: {a: 1}}},
    {reason: 'hexadecimal integer', text: 'a: 0x1F\n', yaml: {gives: {a: 31}}},
    {reason: 'YAML 1.1 octal integer', text: 'a: 0755\n', yaml: {gives: {a: 493}}},
    {reason: 'decimal with a leading zero', text: 'a: 089\n', yaml: {gives: {a: 89}}},
    {reason: 'integer with _', text: 'a: 1_000\n', yaml: {gives: {a: 1000}}},
    {reason: 'binary integer', text: 'a: -0b1_0\n', yaml: {gives: {a: -2}}},
    {reason: 'float with _', text: 'a: 1_0.5\n', yaml: {gives: {a: 10.5}}},
    {reason: 'exponent without digits before it', text: 'a: .e1\n', yaml: {gives: {a: NaN}}},
    {reason: 'a lone dot', text: 'a: .\n', yaml: {gives: {a: NaN}}},
    {reason: 'exponent', text: 'a: 1e3\n', yaml: {gives: {a: 1000}}},
    {reason: 'signed float', text: 'a: +.5\n', yaml: {gives: {a: 0.5}}},
    {reason: 'infinity', text: 'a: -.inf\n', yaml: {gives: {a: -Infinity}}},
    {reason: 'not a number', text: 'a: .NaN\n', yaml: {gives: {a: NaN}}},
  ])('declines $reason', ({text, yaml}) => {
    expect(parsePlainBlockYaml(text)).toBeUndefined()
    if (yaml === 'throws') expect(() => parseWithYaml(text)).toThrow()
    else expect(parseWithYaml(text)).toStrictEqual(yaml.gives)
  })

  test('agrees with yaml on thousands of mutated kubeconfigs, or declines', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    const random = seededRandom(20261125)
    let accepted = 0
    let declined = 0
    for (let round = 0; round < 4000; round++) {
      let text = realisticKubeconfigs[round % realisticKubeconfigs.length].text
      const mutationCount = 1 + Math.floor(random() * 3)
      for (let i = 0; i < mutationCount; i++) text = pick(random, MUTATIONS)(text, random)
      const read = parsePlainBlockYaml(text)
      if (read === undefined) {
        declined++
        continue
      }
      accepted++
      const doc = parseDocument(text, KUBECONFIG_YAML_OPTIONS)
      expect(doc.errors, text).toEqual([])
      expect(doc.warnings, text).toEqual([])
      expect(read, text).toStrictEqual(parseWithYaml(text))
    }
    expect(emitWarning).not.toHaveBeenCalled()
    emitWarning.mockRestore()
    // With this seed: 964 accepted, 3036 declined; both must stay substantial or the test proves little.
    expect(accepted).toBeGreaterThan(500)
    expect(declined).toBeGreaterThan(500)
  })
})

/** mulberry32: a tiny seeded generator, so every run tries the same mutations. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]
}

const SIGNIFICANT_CHARS = [...'- :#\'"{}[]&*!|>%@?,.\n 0123456789exo', '\t', '\r', '\u00a0', '\u00e9', '\ufeff']
const TRICKY_SCALARS = [
  'yes', 'no', 'on', 'y', 'Off', '0755', '0b1', 'e3', '1:20', '1e3', '0o7', '.inf', '~', '0x1F', '-1', '+.5', 'null', 'NULL', 'True', "'a''b'", '"x"', '""', "''", '{}', '[]',
  '- x', 'a: b', '#c', 'x #c', '&a x', '*a', '!!str x', '|', '>', '0a1b', '1_0', '1.', '.5', '-', '?', ':x', 'x:', '---',
  '...', '%x', '"a\\nb"', "'", '"', 'key:', '- a: b', '__proto__: x', 'true: x',
]

type Mutation = (text: string, random: () => number) => string

function mutateLines(text: string, random: () => number, change: (lines: string[], at: number) => void): string {
  const lines = text.split('\n')
  change(lines, Math.floor(random() * lines.length))
  return lines.join('\n')
}

const MUTATIONS: readonly Mutation[] = [
  function insertChar(text, random) {
    const at = Math.floor(random() * (text.length + 1))
    return text.slice(0, at) + pick(random, SIGNIFICANT_CHARS) + text.slice(at)
  },
  function deleteChar(text, random) {
    const at = Math.floor(random() * text.length)
    return text.slice(0, at) + text.slice(at + 1)
  },
  function replaceChar(text, random) {
    const at = Math.floor(random() * text.length)
    return text.slice(0, at) + pick(random, SIGNIFICANT_CHARS) + text.slice(at + 1)
  },
  function reindentLine(text, random) {
    const delta = pick(random, [-2, -1, 1, 2])
    return mutateLines(text, random, (lines, at) => {
      lines[at] = delta > 0 ? ' '.repeat(delta) + lines[at] : lines[at].replace(new RegExp(`^ {1,${-delta}}`), '')
    })
  },
  function duplicateLine(text, random) {
    return mutateLines(text, random, (lines, at) => lines.splice(at, 0, lines[at]))
  },
  function deleteLine(text, random) {
    return mutateLines(text, random, (lines, at) => lines.splice(at, 1))
  },
  function swapLines(text, random) {
    const other = Math.floor(random() * text.split('\n').length)
    return mutateLines(text, random, (lines, at) => ([lines[at], lines[other]] = [lines[other], lines[at]]))
  },
  function replaceScalar(text, random) {
    const token = pick(random, TRICKY_SCALARS)
    return mutateLines(text, random, (lines, at) => {
      const valueStart = Math.max(lines[at].lastIndexOf(': ') + 2, lines[at].lastIndexOf('- ') + 2, lines[at].search(/\S|$/))
      lines[at] = lines[at].slice(0, valueStart) + token
    })
  },
]
