import {expect, test} from 'vitest'
import {escapeTerminal} from './escape-terminal.js'

// The first two rows are kubectl's own replacements (cli-runtime printers/terminal.go).
test.each([
  {name: 'ESC as kubectl', input: '\u001b[31mred\u001b[0m', want: '^[[31mred^[[0m'},
  {name: 'CR as kubectl', input: 'ok\roverwritten', want: 'ok\\roverwritten'},
  {name: 'LF', input: 'two\nlines', want: 'two\\nlines'},
  {name: 'TAB', input: 'a\tb', want: 'a\\tb'},
  {name: 'NUL and BEL', input: '\u0000\u0007', want: '^@^G'},
  {name: 'unit separator', input: '\u001f', want: '^_'},
  {name: 'DEL', input: 'x\u007f', want: 'x^?'},
  {name: '8-bit CSI', input: '\u009b2J', want: '\\u{9b}2J'},
  {name: 'bidi override', input: 'abc\u202edef', want: 'abc\\u{202e}def'},
  {name: 'plain text and unicode', input: 'web-1 日本 é ✓', want: 'web-1 日本 é ✓'},
])('$name', ({input, want}) => {
  expect(escapeTerminal(input)).toBe(want)
})

test('keepLineBreaks keeps LF and TAB but still escapes ESC and CR', () => {
  expect(escapeTerminal('a\n\tb\u001b[2J\r', {keepLineBreaks: true})).toBe('a\n\tb^[[2J\\r')
})
