import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, test} from 'vitest'

// The `completion bash` script of each built plugin, sourced in a real bash,
// answering a TAB press through the plugin's own `__complete` (the repository's
// bin/ launchers, as a user of a clone has them on PATH).
const binDir = path.resolve(import.meta.dirname, '../../../bin')

/** The words bash would offer at the end of `line`, after `printScript` was sourced. */
function pressTab(printScript: string, fn: string, line: string): string[] {
  const program = `source <(${printScript}) && COMP_LINE=$LINE COMP_POINT=\${#LINE} && ${fn} && printf '%s\\n' "\${COMPREPLY[@]}"`
  const env = {...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, LINE: line}
  return execFileSync('bash', ['--norc', '--noprofile', '-c', program], {env, encoding: 'utf8'}).split('\n').filter((word) => word !== '')
}

describe('bash: the plugin typed directly, completed by its own completion script', () => {
  test.each([
    ['cron_trigger', ['now', 'next', 'validate', 'list', 'history', 'suspend', 'resume', 'completion']],
    ['rollout_canary', ['start', 'status', 'promote', 'abort', 'resume', 'list', 'completion']],
    ['netpol_test', ['check', 'matrix', 'completion']],
  ])('kubectl-%s <TAB> offers its sub-commands', (file, subCommands) => {
    const offered = pressTab(`kubectl-${file} completion bash`, `__kubeline_kubectl_${file}`, `kubectl-${file} `)
    expect(offered).toEqual(expect.arrayContaining(subCommands))
  })

  test('kubectl-cron_trigger now -o <TAB> offers the output formats', () => {
    expect(pressTab('kubectl-cron_trigger completion bash', '__kubeline_kubectl_cron_trigger', 'kubectl-cron_trigger now -o ')).toEqual(['table', 'json', 'yaml', 'name'])
  })

  test('kubectl-quota_report (one command, --completion) completes its flags and -o values', () => {
    const print = 'kubectl-quota_report --completion bash'
    expect(pressTab(print, '__kubeline_kubectl_quota_report', 'kubectl-quota_report --all-n')).toEqual(['--all-namespaces'])
    expect(pressTab(print, '__kubeline_kubectl_quota_report', 'kubectl-quota_report -o m')).toEqual(['markdown'])
  })
})
