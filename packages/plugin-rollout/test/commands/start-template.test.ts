import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runPlugin} from '@kubeline/sandbox/e2e'
import {describe, expect, test} from 'vitest'
import {deployment, settledDeployment} from '../fixtures/deployments.js'
import {imagesOf, replicasOf, useRolloutE2e} from '../fixtures/rollout-e2e.js'

const e2e = useRolloutE2e()

const NEW_CONTAINER = {name: 'web', image: 'registry.example.com/web:3', env: [{name: 'MODE', value: 'canary'}]}

/** A Deployment manifest whose pods lack the stable's selector label `app: web`, and carry their own. */
const DEPLOYMENT_FILE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web-next}
spec:
  selector: {matchLabels: {app: web-next}}
  template:
    metadata: {labels: {app: web-next, tier: front}}
    spec: {containers: [${JSON.stringify(NEW_CONTAINER)}]}
`

const POD_TEMPLATE_FILE = `apiVersion: v1
kind: PodTemplate
metadata: {name: web-next}
template:
  metadata: {labels: {tier: front}}
  spec: {containers: [${JSON.stringify(NEW_CONTAINER)}]}
`

async function manifestFile(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'start-template-')), 'canary.yaml')
  await writeFile(file, text)
  return file
}

const templateOf = (object: unknown): {metadata: {labels: Record<string, string>}; spec: {containers: {env?: unknown}[]}} =>
  (object as {spec: {template: {metadata: {labels: Record<string, string>}; spec: {containers: {env?: unknown}[]}}}}).spec.template

describe('rollout-canary start -f', () => {
  test.each([
    {name: 'a Deployment file', text: DEPLOYMENT_FILE, stdin: false},
    {name: 'a PodTemplate on stdin', text: POD_TEMPLATE_FILE, stdin: true},
  ])('$name: the canary runs the template with the stable selector labels merged in; resume promotes it', async ({text, stdin}) => {
    const ns = await e2e.cluster().createNamespace('start-file')
    await e2e.cluster().apply([deployment('web', {replicas: 4})], ns)
    const args = ['start', 'web', '-n', ns, '-f', stdin ? '-' : await manifestFile(text), '--steps', '50']
    const run = await runPlugin('kubectl-rollout_canary', args, {kubeconfig: e2e.cluster().kubeconfigPath, timeoutMs: 120_000, ...(stdin ? {stdin: text} : {})})
    expect(run.code).toBe(0)
    const canary = await e2e.read('web-canary', ns)
    expect(imagesOf(canary)).toEqual(['registry.example.com/web:3'])
    expect(templateOf(canary).metadata.labels).toEqual({app: 'web', tier: 'front', 'kubeline.dev/track': 'canary'})
    const resumed = await e2e.rollout(['resume', 'web', '-n', ns, '--wait'])
    expect(resumed.code).toBe(0)
    expect(resumed.stdout).toContain('Healthy')
    const stable = await e2e.read('web', ns)
    expect(imagesOf(stable)).toEqual(['registry.example.com/web:3'])
    expect(templateOf(stable).spec.containers[0]?.env).toEqual([{name: 'MODE', value: 'canary'}])
    expect(templateOf(stable).metadata.labels).toEqual({app: 'web', tier: 'front'})
    expect(replicasOf(stable)).toBe(4)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })

  test.each([
    {name: 'both --image and -f', file: DEPLOYMENT_FILE, extra: ['--image', 'web=x:2'], message: '--image'},
    {name: 'neither --image nor -f', file: undefined, extra: [], message: '--image'},
    {name: 'a Service instead of a template', file: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n', extra: [], message: 'expected an apps/v1 Deployment or a v1 PodTemplate, got v1 Service'},
    {name: 'two objects', file: `${POD_TEMPLATE_FILE}---\n${DEPLOYMENT_FILE}`, extra: [], message: 'expected one Deployment or PodTemplate, found 2 objects'},
    {name: 'no containers', file: 'apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\ntemplate: {spec: {containers: []}}\n', extra: [], message: 'the pod template has no containers'},
    {name: 'broken YAML', file: 'apiVersion: v1\nkind: [\n', extra: [], message: 'canary.yaml:'},
    {name: 'unknown built-in version', file: 'apiVersion: apps/v2\nkind: Deployment\nmetadata: {name: t}\n', extra: [], message: 'apps/v2'},
  ])('bad input ($name) exits 2 and writes nothing', async ({file, extra, message}) => {
    const ns = await e2e.cluster().createNamespace('start-file-bad')
    await e2e.cluster().apply([deployment('web', {replicas: 2})], ns)
    const created = await settledDeployment(e2e.cluster().client, 'web', ns)
    const run = await e2e.rollout(['start', 'web', '-n', ns, ...(file === undefined ? [] : ['-f', await manifestFile(file)]), ...extra])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect((await e2e.read('web', ns))?.metadata.resourceVersion).toBe(created.metadata.resourceVersion)
    expect(await e2e.read('web-canary', ns)).toBeUndefined()
  })
})
