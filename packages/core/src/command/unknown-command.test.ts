import {describe, expect, test} from 'vitest'
import {suggestedCommands, typedCommand, unknownCommandMessage} from './unknown-command.js'

const NETPOL = ['check', 'completion', 'diff', 'explain', 'lint', 'matrix', 'probe', 'run']
const ROLLOUT = ['abort', 'bluegreen finish', 'bluegreen rollback', 'bluegreen start', 'bluegreen switch', 'list', 'pause', 'promote', 'resume', 'retry', 'set-weight', 'start', 'status']

// Cobra's rule (spf13/cobra command.go SuggestionsFor): Levenshtein distance of at most
// SuggestionsMinimumDistance (2), ignoring case, or the command starts with what was typed.
describe('suggestedCommands', () => {
  test.each([
    {typed: 'chek', commands: NETPOL, want: ['check']},
    {typed: 'CHECK', commands: NETPOL, want: ['check']},
    {typed: 'matirx', commands: NETPOL, want: ['matrix']},
    {typed: 'li', commands: NETPOL, want: ['lint']},
    {typed: 'dif', commands: NETPOL, want: ['diff']},
    {typed: 'explian', commands: NETPOL, want: ['explain']},
    {typed: 'verify', commands: NETPOL, want: []},
    {typed: 'x', commands: NETPOL, want: []},
    {typed: 'stat', commands: ROLLOUT, want: ['start', 'status']},
    {typed: 'bluegreen swtich', commands: ROLLOUT, want: ['bluegreen switch']},
    {typed: 'resum', commands: ROLLOUT, want: ['resume']},
    {typed: 'rety', commands: ROLLOUT, want: ['retry']},
  ])('$typed', ({typed, commands, want}) => {
    expect(suggestedCommands(typed, commands)).toEqual(want)
  })
})

describe('typedCommand: the words of oclif\'s id that name a command', () => {
  test.each([
    {words: ['stat', 'web'], want: 'stat'},
    {words: ['chek'], want: 'chek'},
    {words: ['bluegreen', 'swtich', 'web'], want: 'bluegreen swtich'},
    {words: ['bluegreen'], want: 'bluegreen'},
  ])('$words', ({words, want}) => {
    expect(typedCommand(words, ROLLOUT)).toBe(want)
  })
})

describe('unknownCommandMessage', () => {
  test("names the command and the plugin, as kubectl does, with Cobra's suggestions", () => {
    expect(unknownCommandMessage('kubectl netpol-test', 'chek', NETPOL)).toEqual({
      message: 'unknown command "chek" for "kubectl netpol-test"',
      fix: "Did you mean this? check. Run 'kubectl netpol-test --help' for the commands.",
    })
  })

  test('several suggestions, and none', () => {
    expect(unknownCommandMessage('kubectl rollout-canary', 'stat', ROLLOUT).fix).toBe("Did you mean one of these? start, status. Run 'kubectl rollout-canary --help' for the commands.")
    expect(unknownCommandMessage('kubectl netpol-test', 'verify', NETPOL).fix).toBe("Run 'kubectl netpol-test --help' for the commands.")
  })
})
