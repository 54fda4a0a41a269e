import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {pluginEntry} from '@kubeline/sandbox/e2e'
import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {describe, expect, test} from 'vitest'

const run = promisify(execFile)

/** stdout, stderr and exit code of a plugin run without a cluster (unknown commands and help need none). */
async function plugin(binary: PluginBinary, argv: string[]): Promise<{stdout: string; stderr: string; code: number}> {
  const env = {...process.env, KUBECONFIG: '/nonexistent/kubeconfig', NO_COLOR: '1'}
  try {
    return {...(await run(process.execPath, [pluginEntry(binary), ...argv], {env, encoding: 'utf8'})), code: 0}
  } catch (err) {
    const failed = err as {stdout: string; stderr: string; code: number}
    return {stdout: failed.stdout, stderr: failed.stderr, code: failed.code}
  }
}

describe('a mistyped command', () => {
  test.each([
    {binary: 'kubectl-netpol_test' as const, argv: ['chek', '--port', '80'], bin: 'kubectl netpol-test', typed: 'chek', suggestion: 'Did you mean this? check.'},
    {binary: 'kubectl-rollout_canary' as const, argv: ['stat', 'web'], bin: 'kubectl rollout-canary', typed: 'stat', suggestion: 'Did you mean one of these? start, status.'},
  ])('$bin $typed: kubectl\'s message, with suggestions, exit 2', async ({binary, argv, bin, typed, suggestion}) => {
    const {stdout, stderr, code} = await plugin(binary, argv)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(`error: unknown command "${typed}" for "${bin}"\n  ${suggestion} Run '${bin} --help' for the commands.\n`)
  })
})

// oclif shows help before it looks the command up: its helpClass (core's UnknownCommandHelp) says the same.
describe('help for a mistyped command', () => {
  test.each([
    {binary: 'kubectl-rollout_canary' as const, argv: ['stat', '--help'], typed: 'stat', suggestion: 'Did you mean one of these? start, status.'},
    {binary: 'kubectl-rollout_canary' as const, argv: ['help', 'stat'], typed: 'stat', suggestion: 'Did you mean one of these? start, status.'},
    {binary: 'kubectl-rollout_canary' as const, argv: ['--help', 'stat', 'web'], typed: 'stat', suggestion: 'Did you mean one of these? start, status.'},
    {binary: 'kubectl-rollout_canary' as const, argv: ['bluegreen', 'swtich', 'web', '--help'], typed: 'bluegreen swtich', suggestion: 'Did you mean this? bluegreen switch.'},
    {binary: 'kubectl-netpol_test' as const, argv: ['chek', '--port', '80', '--help'], typed: 'chek', suggestion: 'Did you mean this? check.'},
    {binary: 'kubectl-netpol_test' as const, argv: ['help', 'verify'], typed: 'verify', suggestion: ''},
  ])('$binary $argv: the unknown-command error, exit 2', async ({binary, argv, typed, suggestion}) => {
    const bin = binary === 'kubectl-netpol_test' ? 'kubectl netpol-test' : 'kubectl rollout-canary'
    const {stdout, stderr, code} = await plugin(binary, argv)
    expect({stdout, code}).toEqual({stdout: '', code: 2})
    expect(stderr).toBe(`error: unknown command "${typed}" for "${bin}"\n  ${suggestion === '' ? '' : `${suggestion} `}Run '${bin} --help' for the commands.\n`)
  })

  test.each([
    {binary: 'kubectl-rollout_canary' as const, argv: ['status', 'web', '--help'], usage: /^ {2}\$ kubectl rollout-canary status DEPLOYMENT/m},
    {binary: 'kubectl-rollout_canary' as const, argv: ['bluegreen', '--help'], usage: /^ {2}\$ kubectl rollout-canary bluegreen COMMAND/m},
    {binary: 'kubectl-netpol_test' as const, argv: ['help'], usage: /^ {2}\$ kubectl netpol-test \[COMMAND\]/m},
  ])('$binary $argv: help as before', async ({binary, argv, usage}) => {
    const {stdout, stderr, code} = await plugin(binary, argv)
    expect({stderr, code}).toEqual({stderr: '', code: 0})
    expect(stdout).toMatch(usage)
  })
})

describe('help COMMAND, as kubectl help', () => {
  test.each([
    {binary: 'kubectl-netpol_test' as const, command: ['check']},
    {binary: 'kubectl-rollout_canary' as const, command: ['bluegreen', 'start']},
    {binary: 'kubectl-cron_trigger' as const, command: ['next']},
  ])('$binary help $command prints the command\'s --help', async ({binary, command}) => {
    const viaHelp = await plugin(binary, ['help', ...command])
    const viaFlag = await plugin(binary, [...command, '--help'])
    expect(viaHelp).toEqual({stdout: viaFlag.stdout, stderr: '', code: 0})
    expect(viaHelp.stdout).toMatch(/^USAGE/m)
  })
})
