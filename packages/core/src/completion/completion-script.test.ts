import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {COMPLETION_SHELLS, completionScript, pluginBinary} from './completion-script.js'

// The bash script run by a real bash against a stand-in plugin binary that
// records the words it was asked about and prints a canned cobra answer.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-completion-script-'))
const binary = 'kubectl-fake_plugin'
fs.writeFileSync(
  path.join(dir, binary),
  '#!/bin/sh\nprintf "%s\\n" "$@" > "$ASKED"\n[ "$ANSWER" = fail ] && exit 1\nprintf "$ANSWER"\n',
  {mode: 0o755},
)
const scriptPath = path.join(dir, 'completion.bash')
fs.writeFileSync(scriptPath, completionScript('bash', binary))

interface BashCompletion {
  reply: string[]
  asked: string[]
  compopt: string[]
}

/** Press TAB at `cursor` (default: the end) of `line`, as readline would call the function. */
function pressTab(line: string, answer: string, cursor = line.length): BashCompletion {
  const asked = path.join(dir, 'asked')
  const compoptLog = path.join(dir, 'compopt')
  fs.writeFileSync(asked, '')
  fs.writeFileSync(compoptLog, '')
  const program = `
    source "${scriptPath}"
    compopt() { echo "$*" >> "${compoptLog}"; }
    COMP_LINE=$LINE COMP_POINT=$POINT
    __kubeline_kubectl_fake_plugin
    printf '%s\\n' "\${COMPREPLY[@]}"`
  const env = {PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`, LINE: line, POINT: String(cursor), ANSWER: answer, ASKED: asked}
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', program], {env, encoding: 'utf8'})
  const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').slice(0, -1)
  return {reply: out.split('\n').slice(0, -1).filter((entry) => entry !== ''), asked: lines(asked), compopt: lines(compoptLog)}
}

describe('the bash script in a real bash', () => {
  test.each([
    {name: 'first word: asks with an empty current word', line: `${binary} `, answer: 'now\\nnext\\n:4\\n', reply: ['now', 'next'], asked: ['']},
    {name: 'a flag value after earlier words', line: `${binary} now -n ba`, answer: 'batch\\n:4\\n', reply: ['batch'], asked: ['now', '-n', 'ba']},
    {name: '--flag=prefix: the whole word is asked, values replace the part after =', line: `${binary} now --dry-run=s`, answer: 'server\\n:4\\n', reply: ['server'], asked: ['now', '--dry-run=s']},
    {name: 'only the words before the cursor', line: `${binary} no -n x`, cursor: `${binary} no`.length, answer: 'now\\n:4\\n', reply: ['now'], asked: ['no']},
    {name: 'directive 1 (error) offers nothing', line: `${binary} `, answer: 'now\\n:1\\n', reply: [], asked: ['']},
    {name: 'a failing binary offers nothing', line: `${binary} `, answer: 'fail', reply: [], asked: ['']},
  ])('$name', ({line, answer, cursor, reply, asked}) => {
    const result = pressTab(line, answer, cursor)
    expect(result.reply).toEqual(reply)
    expect(result.asked).toEqual(['__completeNoDesc', ...asked])
  })

  test.each([
    {name: 'no candidates, directive 0: files (readline default)', answer: ':0\\n', compopt: ['-o default']},
    {name: 'no candidates, directive 4: no files', answer: ':4\\n', compopt: []},
    {name: 'directive 2: no space after the candidate', answer: 'a=\\n:6\\n', compopt: ['-o nospace']},
  ])('$name', ({answer, compopt}) => {
    expect(pressTab(`${binary} -f `, answer).compopt).toEqual(compopt)
  })

  test('registers the function for the binary', () => {
    const out = execFileSync('bash', ['--norc', '--noprofile', '-c', `source "${scriptPath}"; complete -p ${binary}`], {encoding: 'utf8'})
    expect(out.trim()).toBe(`complete -F __kubeline_kubectl_fake_plugin ${binary}`)
  })
})

describe('every script', () => {
  test.each(COMPLETION_SHELLS)('%s: asks the binary, registers for it, names kubectl\'s own route', (shell) => {
    const script = completionScript(shell, 'kubectl-cron_trigger')
    expect(script).toMatch(/kubectl-cron_trigger __complete(NoDesc)? /)
    expect(script).toContain('__kubeline_kubectl_cron_trigger')
    expect(script).toContain('`kubectl cron-trigger <TAB>`')
    expect(script.endsWith('\n')).toBe(true)
  })
})

test.each([
  ['completion', {}, 'source <(kubectl-x completion bash)'],
  ['--completion for a single-command plugin', {viaFlag: true}, 'source <(kubectl-x --completion bash)'],
])('the script says how to print it again: %s', (_name, options, line) => {
  expect(completionScript('bash', 'kubectl-x', options)).toContain(line)
})

test.each([
  ['kubectl cron-trigger', 'kubectl-cron_trigger'],
  ['kubectl quota-report', 'kubectl-quota_report'],
  ['kubectl rollout-canary', 'kubectl-rollout_canary'],
])('pluginBinary(%j) = %j', (bin, expected) => {
  expect(pluginBinary(bin)).toBe(expected)
})
