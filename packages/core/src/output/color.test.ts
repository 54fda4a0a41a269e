import {describe, expect, test} from 'vitest'
import {colorEnabled, paint} from './color.js'

describe('colorEnabled', () => {
  test.each([
    {name: 'a terminal', isTTY: true, env: {}, want: true},
    {name: 'a pipe', isTTY: false, env: {}, want: false},
    {name: 'a stream that does not say', isTTY: undefined, env: {}, want: false},
    {name: 'TERM=dumb', isTTY: true, env: {TERM: 'dumb'}, want: false},
    {name: 'another TERM', isTTY: true, env: {TERM: 'xterm-256color'}, want: true},
    {name: 'NO_COLOR=1', isTTY: true, env: {NO_COLOR: '1'}, want: false},
    {name: 'NO_COLOR empty (kubectl: present is enough)', isTTY: true, env: {NO_COLOR: ''}, want: false},
    {name: 'FORCE_COLOR=1 on a pipe', isTTY: false, env: {FORCE_COLOR: '1'}, want: true},
    {name: 'FORCE_COLOR beats NO_COLOR and TERM=dumb', isTTY: false, env: {FORCE_COLOR: '3', NO_COLOR: '1', TERM: 'dumb'}, want: true},
    {name: 'FORCE_COLOR=0 turns colour off on a terminal', isTTY: true, env: {FORCE_COLOR: '0'}, want: false},
    {name: 'FORCE_COLOR=false turns colour off', isTTY: true, env: {FORCE_COLOR: 'false'}, want: false},
    {name: 'FORCE_COLOR empty is ignored', isTTY: false, env: {FORCE_COLOR: ''}, want: false},
  ])('$name: $want', ({isTTY, env, want}) => {
    expect(colorEnabled({isTTY}, env)).toBe(want)
  })
})

describe('paint', () => {
  test.each([
    {style: 'red', want: '\u001b[31mx\u001b[39m'},
    {style: 'yellow', want: '\u001b[33mx\u001b[39m'},
    {style: 'green', want: '\u001b[32mx\u001b[39m'},
    {style: 'bold', want: '\u001b[1mx\u001b[22m'},
    {style: 'dim', want: '\u001b[2mx\u001b[22m'},
  ] as const)('$style wraps in SGR codes when enabled and is a no-op when not', ({style, want}) => {
    expect(paint(true)[style]('x')).toBe(want)
    expect(paint(false)[style]('x')).toBe('x')
  })
})
