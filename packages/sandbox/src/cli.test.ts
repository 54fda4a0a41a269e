import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, expect, test, vi} from 'vitest'
import {main} from './cli.js'
import {eventually} from './test-support/sandbox-client.js'
import {runKubectl} from './test-support/run-kubectl.js'

afterEach(() => vi.restoreAllMocks())

function captureOutput() {
  const stdout: string[] = []
  const stderr: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0)
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0)
  return {stdout, stderr}
}

test('serve prints exactly one ready line, writes the kubeconfig and exits 0 on SIGTERM', async () => {
  const output = captureOutput()
  const kubeconfig = join(await mkdtemp(join(tmpdir(), 'sandbox-cli-')), 'config')
  const exit = main(['serve', '--write-kubeconfig', kubeconfig, '--time-scale', '10'])
  await eventually(() => output.stdout.length > 0)
  expect(output.stdout).toEqual([expect.stringMatching(/^ready https:\/\/127\.0\.0\.1:\d+\n$/)])
  expect(await readFile(kubeconfig, 'utf8')).toContain(`server: ${output.stdout[0]!.slice('ready '.length).trim()}`)
  vi.restoreAllMocks()
  const namespaces = await runKubectl(kubeconfig, ['get', 'namespaces', '-o', 'name'])
  expect(namespaces.stdout).toBe('namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n')
  process.emit('SIGTERM')
  expect(await exit).toBe(0)
})

test.each([
  [['serve', '--port', 'abc'], /invalid --port "abc"/],
  [['start'], /usage: kubeline-sandbox serve/],
  [['serve', '--bogus'], /Unknown option '--bogus'/],
])('%j exits 2 with a usage error', async (argv, message) => {
  const output = captureOutput()
  expect(await main(argv)).toBe(2)
  expect(output.stdout).toEqual([])
  expect(output.stderr.join('')).toMatch(message)
})

test('an unknown fixture exits 2', async () => {
  const output = captureOutput()
  expect(await main(['serve', '--fixture', '/does/not/exist'])).toBe(2)
  expect(output.stderr.join('')).toMatch(/unknown fixture "\/does\/not\/exist"/)
})

// The bin as users run it (the README's `node packages/sandbox/bin/kubeline-sandbox.js serve`), built.
test('bin/kubeline-sandbox.js starts: --help exits 0 with the usage', () => {
  const bin = fileURLToPath(new URL('../bin/kubeline-sandbox.js', import.meta.url))
  const run = spawnSync(process.execPath, [bin, '--help'], {encoding: 'utf8'})
  expect({code: run.status, stderr: run.stderr}).toEqual({code: 0, stderr: ''})
  expect(run.stdout).toContain('serve')
})
