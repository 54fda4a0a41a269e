import {spawn} from 'node:child_process'
import {pluginEntry} from '@kubeline/sandbox/e2e'
import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {expect, test} from 'vitest'

const PLUGINS: PluginBinary[] = ['kubectl-quota_report', 'kubectl-netpol_test', 'kubectl-rollout_canary', 'kubectl-cron_trigger']

/** Run with stdout a pipe whose reader is already gone, as `| head` leaves it once head has its lines. */
async function intoClosedPipe(binary: PluginBinary, argv: string[], env: NodeJS.ProcessEnv): Promise<{code: number | null; stderr: string}> {
  const child = spawn(process.execPath, [pluginEntry(binary), ...argv], {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
  child.stdout.destroy()
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return {code, stderr}
}

// CI=true makes oclif render help itself (ansis colours a pipe there), as in a CI job's `--help | head`.
test.each(PLUGINS)('%s --help | head: oclif\'s help into a closed pipe exits 0, silently', async (binary) => {
  expect(await intoClosedPipe(binary, ['--help'], {CI: 'true'})).toEqual({code: 0, stderr: ''})
})

test.each(PLUGINS)('%s --help | head: the stored help into a closed pipe exits 0, silently', async (binary) => {
  expect(await intoClosedPipe(binary, ['--help'], {CI: '', FORCE_COLOR: '', COLORTERM: '', KUBELINE_NO_HELP_CACHE: ''})).toEqual({code: 0, stderr: ''})
})
