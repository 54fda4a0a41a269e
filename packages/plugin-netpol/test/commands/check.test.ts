import type {KubeObject} from '@kubeline/core'
import {runPlugin, startE2eCluster} from '@kubeline/sandbox/e2e'
import type {E2eCluster} from '@kubeline/sandbox/e2e'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {DENY_ALL_BUT_A_TO_B, PODS_A_B_C, deployment, manifestList, networkPolicy, pod, podsABCWithAddresses, sidecarMetrics, waitForPods} from '../fixtures/netpol-objects.js'

let cluster: E2eCluster
let ns: string
beforeAll(async () => {
  cluster = await startE2eCluster()
  ns = await cluster.createNamespace('check')
  await cluster.apply([...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B], ns)
})
afterAll(async () => cluster?.stop())

const netpol = (args: string[], stdin?: string) =>
  runPlugin('kubectl-netpol_test', args, {kubeconfig: cluster.kubeconfigPath, ...(stdin === undefined ? {} : {stdin})})

describe('netpol-test check', () => {
  test('an allow rule lets a reach b: ALLOW, exit 0, with the rule that allowed it', async () => {
    const run = await netpol(['check', '--from', `${ns}/a`, '--to', `${ns}/b`, '--port', '80'])
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')).toEqual([
      `ALLOW ${ns}/a -> ${ns}/b TCP/80`,
      `  egress  of ${ns}/a: allowed: no policy isolates the pod for egress (Kubernetes allows by default)`,
      `  ingress of ${ns}/b: allowed by NetworkPolicy ${ns}/allow-a-to-b ingress rule 0 (Allow; peer 0: pods {pod=a} in namespace ${ns}; port 0: TCP/80)`,
      `    policies that select it: NetworkPolicy ${ns}/allow-a-to-b, NetworkPolicy ${ns}/default-deny`,
      '',
    ])
  })

  test.each([
    {from: 'b', to: 'a', port: '80', why: 'default-deny isolates a', isolatedBy: ['default-deny']},
    {from: 'a', to: 'b', port: '81', why: 'the rule admits port 80 only', isolatedBy: ['allow-a-to-b', 'default-deny']},
    {from: 'c', to: 'b', port: '80', why: 'the rule admits pod=a only', isolatedBy: ['allow-a-to-b', 'default-deny']},
  ])('$from -> $to:$port is denied ($why): exit 3, and 0 with --expect deny', async ({from, to, port, isolatedBy}) => {
    const args = ['check', '--from', `${ns}/${from}`, '--to', `${ns}/${to}`, '--port', port]
    const denied = await netpol(args)
    expect(denied.code).toBe(3)
    expect(denied.stdout).toMatch(new RegExp(`^DENY ${ns}/${from} -> ${ns}/${to} TCP/${port}\n`))
    expect(denied.stdout).toContain(`ingress of ${ns}/${to}: denied: isolated by ${isolatedBy.map((name) => `NetworkPolicy ${ns}/${name}`).join(', ')}, and no rule of theirs allows this connection`)
    expect((await netpol([...args, '--expect', 'deny'])).code).toBe(0)
  })

  test('--expect deny fails (exit 3) when the connection is allowed', async () => {
    const run = await netpol(['check', '--from', `${ns}/a`, '--to', `${ns}/b`, '--port', '80', '--expect', 'deny'])
    expect(run.code).toBe(3)
    expect(run.stdout).toMatch(/^ALLOW /)
  })

  test('-o json prints a NetpolVerdict with the deciding rule', async () => {
    const run = await netpol(['check', '--from', `${ns}/a`, '--to', `${ns}/b`, '--port', '80', '-o', 'json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      apiVersion: 'kubeline.dev/v1alpha1',
      kind: 'NetpolVerdict',
      result: 'ALLOW',
      expected: 'allow',
      expectationMet: true,
      verdict: {
        source: `${ns}/a`,
        destination: `${ns}/b`,
        port: 80,
        protocol: 'TCP',
        allowed: true,
        egress: {
          direction: 'egress',
          allowed: true,
          decidedBy: 'default',
          subject: 'pod',
          isolated: false,
          selectingPolicies: [],
          selectingAdminPolicies: [],
          passedBy: [],
          explanation: 'allowed: no policy isolates the pod for egress (Kubernetes allows by default)',
        },
        ingress: {
          direction: 'ingress',
          allowed: true,
          decidedBy: 'networkpolicy',
          subject: 'pod',
          isolated: true,
          selectingPolicies: [
            {kind: 'NetworkPolicy', name: 'allow-a-to-b', namespace: ns},
            {kind: 'NetworkPolicy', name: 'default-deny', namespace: ns},
          ],
          selectingAdminPolicies: [],
          rule: {
            policy: {kind: 'NetworkPolicy', name: 'allow-a-to-b', namespace: ns},
            direction: 'ingress',
            ruleIndex: 0,
            action: 'Allow',
            peerIndex: 0,
            peer: `pods {pod=a} in namespace ${ns}`,
            portIndex: 0,
            port: 'TCP/80',
          },
          passedBy: [],
          explanation: `allowed by NetworkPolicy ${ns}/allow-a-to-b ingress rule 0 (Allow; peer 0: pods {pod=a} in namespace ${ns}; port 0: TCP/80)`,
        },
      },
    })
  })

  test('-f simulates a policy on top of the live ones: "what if I apply this egress deny?"', async () => {
    const denyEgress = manifestList([networkPolicy('deny-egress', {podSelector: {matchLabels: {pod: 'a'}}, policyTypes: ['Egress']}, ns)])
    const args = ['check', '--from', `${ns}/a`, '--to', `${ns}/b`, '--port', '80']
    const simulated = await netpol([...args, '-f', '-'], denyEgress)
    expect(simulated.code).toBe(3)
    expect(simulated.stdout).toContain(`egress  of ${ns}/a: denied: isolated by NetworkPolicy ${ns}/deny-egress`)
    expect((await netpol(args)).code).toBe(0)
  })

  test('a workload from -f resolves to its representative pod <name>-<kind>', async () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web', namespace: ns},
      spec: {selector: {matchLabels: {pod: 'a'}}, template: {metadata: {labels: {pod: 'a'}}, spec: {containers: [{name: 'main', image: 'nginx'}]}}},
    }
    const run = await netpol(['check', '--from', `${ns}/deploy/web`, '--to', `${ns}/b`, '--port', '80', '-f', '-'], manifestList([deployment]))
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe(`ALLOW ${ns}/web-deployment -> ${ns}/b TCP/80`)
  })

  test('a live deployment resolves to the first pod (by name) its selector matches', async () => {
    await cluster.apply([deployment('api', 2, {app: 'api', pod: 'a'})], ns)
    const pods = await waitForPods(cluster, ns, 'app=api', 2)
    const run = await netpol(['check', '--from', `${ns}/deployment/api`, '--to', `${ns}/b`, '--port', '80'])
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe(`ALLOW ${ns}/${pods[0]} -> ${ns}/b TCP/80`)
  })

  test('the same live deployment on both sides is one of its pods to another, not a pod to itself', async () => {
    await cluster.apply([deployment('peers', 2, {app: 'peers'})], ns)
    const pods = await waitForPods(cluster, ns, 'app=peers', 2)
    const run = await netpol(['check', '--from', `${ns}/deploy/peers`, '--to', `${ns}/deployment/peers`, '--port', '80'])
    expect(run.code).toBe(3)
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      `DENY ${ns}/${pods[0]} -> ${ns}/${pods[1]} TCP/80`,
      `  egress  of ${ns}/${pods[0]}: allowed: no policy isolates the pod for egress (Kubernetes allows by default)`,
      `  ingress of ${ns}/${pods[1]}: denied: isolated by NetworkPolicy ${ns}/default-deny, and no rule of theirs allows this connection`,
    ])
  })

  // The namespace is part of the endpoint: the API's generic "or pass -n" cannot help here.
  test('a live workload that does not exist: exit 2, its kind, name and namespace, and how to list them', async () => {
    const run = await netpol(['check', '--from', `${ns}/a`, '--to', `${ns}/deploy/nope`, '--port', '80'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`error: deployment "nope" not found in namespace "${ns}"\n  Check the name: kubectl get deployments -n ${ns}\n`)
  })

  test('a live AdminNetworkPolicy decides before NetworkPolicy', async () => {
    const args = ['check', '--from', `${ns}/a`, '--to', `${ns}/b`, '--port', '9090']
    expect((await netpol(args)).code).toBe(3)
    await cluster.apply([
      {
        apiVersion: 'policy.networking.k8s.io/v1alpha1',
        kind: 'AdminNetworkPolicy',
        metadata: {name: `let-a-in-${ns}`},
        spec: {
          priority: 10,
          subject: {pods: {namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': ns}}, podSelector: {matchLabels: {pod: 'b'}}}},
          ingress: [{name: 'metrics', action: 'Allow', from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {pod: 'a'}}}}], ports: [{portNumber: {protocol: 'TCP', port: 9090}}]}],
        },
      },
    ])
    const run = await netpol(args)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`ingress of ${ns}/b: allowed by AdminNetworkPolicy let-a-in-${ns} ingress rule 0 "metrics" (Allow; peer 0: pods {pod=a} in namespaces {all}; port 0: TCP/9090)`)
  })

  test('a live ClusterNetworkPolicy (v1alpha2, Admin tier) decides before NetworkPolicy', async () => {
    const args = ['check', '--from', `${ns}/a`, '--to', `${ns}/b`, '--port', '8443']
    expect((await netpol(args)).code).toBe(3)
    await cluster.apply([
      {
        apiVersion: 'policy.networking.k8s.io/v1alpha2',
        kind: 'ClusterNetworkPolicy',
        metadata: {name: `accept-a-${ns}`},
        spec: {
          tier: 'Admin',
          priority: 10,
          subject: {pods: {namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': ns}}, podSelector: {matchLabels: {pod: 'b'}}}},
          ingress: [{name: 'tls', action: 'Accept', from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {pod: 'a'}}}}], protocols: [{tcp: {destinationPort: {number: 8443}}}]}],
        },
      },
    ])
    const run = await netpol(args)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`ingress of ${ns}/b: allowed by ClusterNetworkPolicy accept-a-${ns}`)
  })

  test('ip: endpoints are outside the cluster: an ipBlock rule decides', async () => {
    const allowOffice = networkPolicy('allow-office', {podSelector: {matchLabels: {pod: 'c'}}, ingress: [{from: [{ipBlock: {cidr: '192.168.0.0/16', except: ['192.168.1.0/24']}}]}]}, ns)
    const check = (ip: string) => netpol(['check', '--from', `ip:${ip}`, '--to', `${ns}/c`, '--port', '443', '-f', '-'], manifestList([allowOffice]))
    const inside = await check('192.168.7.1')
    expect(inside.code).toBe(0)
    expect(inside.stdout).toContain(`allowed by NetworkPolicy ${ns}/allow-office ingress rule 0 (Allow; peer 0: ipBlock 192.168.0.0/16 except 192.168.1.0/24; port: any port)`)
    expect((await check('192.168.1.9')).code).toBe(3)
  })

  test('ip: of a pod\'s own address is still evaluated as an address, with a warning naming the pod to use instead', async () => {
    const run = await runPlugin('kubectl-netpol_test', ['check', '--offline', '-f', '-', '--from', 'ip:10.0.0.1', '--to', 'x/b', '--port', '80'], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(podsABCWithAddresses())})
    expect(run.code).toBe(3)
    expect(run.stdout).toMatch(/^DENY 10\.0\.0\.1 -> x\/b TCP\/80\n/)
    expect(run.stderr).toBe('Warning: --from ip:10.0.0.1 is the address of pod x/a, but ip: is evaluated as an address outside the pod network, where only ipBlock peers match: for the pod, pass --from x/a\n')
  })

  test('--offline reads only -f and needs no kubeconfig', async () => {
    const objects = [...[...PODS_A_B_C, ...DENY_ALL_BUT_A_TO_B].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))]
    const args = ['check', '--offline', '-f', '-', '--port', '80']
    const offline = (from: string, to: string) =>
      runPlugin('kubectl-netpol_test', [...args, '--from', from, '--to', to], {kubeconfig: '/nonexistent/kubeconfig', stdin: manifestList(objects)})
    const allowed = await offline('x/a', 'x/b')
    expect(allowed).toMatchObject({code: 0, stderr: ''})
    expect(allowed.stdout).toMatch(/^ALLOW x\/a -> x\/b TCP\/80\n/)
    expect((await offline('x/b', 'x/a')).code).toBe(3)
  })

  test('a -f workload has no IP: a denial an ipBlock rule might lift once it runs is flagged on stderr', async () => {
    const egressAnywhere = networkPolicy('egress-anywhere', {podSelector: {matchLabels: {app: 'api'}}, policyTypes: ['Egress'], egress: [{to: [{ipBlock: {cidr: '0.0.0.0/0'}}]}]}, 'x')
    const workloads = [deployment('api', 1, {app: 'api'}), deployment('web', 1, {app: 'web'})].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))
    const run = await runPlugin('kubectl-netpol_test', ['check', '--offline', '-f', '-', '--from', 'x/deploy/api', '--to', 'x/deploy/web', '--port', '80'], {
      kubeconfig: '/nonexistent/kubeconfig',
      stdin: manifestList([...workloads, egressAnywhere]),
    })
    expect(run.code).toBe(3)
    expect(run.stdout).toMatch(/^DENY x\/api-deployment -> x\/web-deployment TCP\/80/)
    expect(run.stderr).toBe(
      'Warning: x/web-deployment has no IP address (a representative pod from -f, or a pod not scheduled yet), so no ipBlock peer can match it: ' +
        'the egress ipBlock rules of NetworkPolicy x/egress-anywhere may allow this connection once it has one\n',
    )
  })

  test('--offline: a -f Deployment scaled to 0 runs no pod, so naming it exits 2 saying so', async () => {
    const scaledDown = {...deployment('api', 0, {app: 'api'}), metadata: {name: 'api', namespace: 'x'}}
    const run = await runPlugin('kubectl-netpol_test', ['check', '--offline', '-f', '-', '--from', 'x/deploy/api', '--to', 'x/deploy/api', '--port', '80'], {
      kubeconfig: '/nonexistent/kubeconfig',
      stdin: manifestList([scaledDown]),
    })
    expect(run).toMatchObject({code: 2, stdout: ''})
    expect(run.stderr).toBe('error: deployment "api" in namespace "x" has no pods\n  Its manifest runs none (replicas: 0) and -f holds none of its pods: name a workload that runs pods.\n')
  })

  test('--loopback deny reports a pod to itself as denied', async () => {
    const args = ['check', '--from', `${ns}/a`, '--to', `${ns}/a`, '--port', '80']
    expect((await netpol(args)).code).toBe(0)
    const denied = await netpol([...args, '--loopback', 'deny'])
    expect(denied.code).toBe(3)
    expect(denied.stdout).toContain("denied: a pod's traffic to itself (--loopback deny)")
  })

  test('--named-ports: a named port only a native sidecar declares resolves with sidecars and init-containers, not by default', async () => {
    const check = (...extra: string[]) =>
      runPlugin('kubectl-netpol_test', ['check', '--offline', '-f', '-', '--from', 'x/prometheus', '--to', 'x/cache', '--port', '9121', ...extra], {
        kubeconfig: '/nonexistent/kubeconfig',
        stdin: manifestList(sidecarMetrics()),
      })
    for (const denied of [await check(), await check('--named-ports', 'containers')]) {
      expect(denied.code).toBe(3)
      expect(denied.stdout).toContain('ingress of x/cache: denied: isolated by NetworkPolicy x/metrics-only, and no rule of theirs allows this connection')
    }
    for (const allowed of [await check('--named-ports', 'sidecars'), await check('--named-ports', 'init-containers')]) {
      expect(allowed.code).toBe(0)
      expect(allowed.stdout).toContain('ingress of x/cache: allowed by NetworkPolicy x/metrics-only ingress rule 0 (Allow; peer: any peer; port 0: named port "metrics"/TCP)')
    }
  })

  test.each([
    {args: ['--from', 'A/b', '--to', 'x/b', '--port', '80'], message: 'invalid --from "A/b": "A" is not a valid name'},
    {args: ['--from', 'x/a', '--to', 'x/widget/b', '--port', '80'], message: 'invalid --to "x/widget/b"'},
    {args: ['--from', 'ip:10.0.0.256', '--to', 'x/b', '--port', '80'], message: 'invalid --from "ip:10.0.0.256"'},
    {args: ['--from', 'x/a', '--to', 'x/b', '--port', '65536'], message: 'invalid --port 65536'},
    {args: ['--from', 'x/a', '--to', 'x/b', '--port', '80', '--protocol', 'ICMP'], message: 'unknown protocol "ICMP"'},
    {args: ['--from', 'x/a', '--to', 'x/nope', '--port', '80'], message: 'pod "nope" not found in namespace "x"'},
    {args: ['--from', 'x/a', '--to', 'x/deploy/nope', '--port', '80'], message: 'deployment "nope" in namespace "x" not found'},
    // kubectl's KIND/NAME reads here as ns/pod: the message says which workload was probably meant.
    {args: ['-n', 'x', '--from', 'a', '--to', 'deploy/b', '--port', '80'], message: 'pod "b" not found in namespace "deploy"\n  For the deployment, give its namespace too: x/deploy/b'},
    {args: ['--from', 'x/a', '--to', 'x/b', '--port', '80', '--named-ports', 'all'], message: 'Expected --named-ports=all to be one of: containers, sidecars, init-containers'},
    {args: ['--from', 'x/a', '--to', 'x/done', '--port', '80'], message: 'pod "done" in namespace "x" has finished (Succeeded): a finished pod has no network'},
  ])('bad input exits 2: $message', async ({args, message}) => {
    const done = {...pod('done', {}), status: {phase: 'Succeeded'}}
    const run = await netpol(['check', '--offline', '-f', '-', ...args], manifestList([pod('a', {}), pod('b', {}), done].map((object) => ({...object, metadata: {...object.metadata, namespace: 'x'}}))))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })

  test('a malformed CIDR in a -f policy exits 2 naming the file, the policy and the field', async () => {
    const bad = networkPolicy('bad-cidr', {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: '10.0.0.0/33'}}]}]}, ns)
    const run = await netpol(['check', '--from', `${ns}/a`, '--to', `${ns}/b`, '--port', '80', '-f', '-'], manifestList([bad]))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`<stdin>:1 (items[0]): NetworkPolicy ${ns}/bad-cidr: spec.ingress[0].from[0].ipBlock.cidr: invalid CIDR "10.0.0.0/33"`)
  })

  test('a -f policy with a misspelt or mistyped field exits 2 naming it, as kubectl apply refuses it (not read as "every pod")', async () => {
    const typo = networkPolicy('typo', {podSelector: {}, ingress: [{from: [{podSelector: {matchLabel: {pod: 'a'}}}]}]}, ns)
    const mistyped = networkPolicy('mistyped', {podSelector: {}, ingress: {from: []}}, ns)
    const check = (policy: KubeObject) => netpol(['check', '--from', `${ns}/c`, '--to', `${ns}/b`, '--port', '80', '-f', '-'], manifestList([policy]))
    expect(await check(typo)).toMatchObject({code: 2, stdout: ''})
    expect((await check(typo)).stderr).toContain(`NetworkPolicy ${ns}/typo: spec.ingress[0].from[0].podSelector.matchLabel: unknown field (expected one of matchLabels, matchExpressions)`)
    expect(await check(mistyped)).toMatchObject({code: 2, stdout: ''})
    expect((await check(mistyped)).stderr).toContain(`NetworkPolicy ${ns}/mistyped: spec.ingress: must be a list, got a mapping`)
  })
})
