import fs from 'node:fs'
import path from 'node:path'
import {expect, test} from 'vitest'

// scripts/bundle.js writes each plugin's dist/bundle/main.cjs in ASCII only: Node decodes it faster and
// V8 keeps it as a one-byte string (docs/performance.md).
const root = path.resolve(import.meta.dirname, '../../..')
const bundleScript = path.join(root, 'scripts/bundle.js')
const {asciiOnly} = (await import(bundleScript)) as {asciiOnly: (text: string) => string}
const plugins = ['plugin-cron', 'plugin-netpol', 'plugin-quota', 'plugin-rollout']

test.each([
  {what: 'a C1 control in a regular expression (ansis strips CSI)', source: 'x.replace(/[\u009b]/g, "")', input: 'a\u009bb'},
  {what: 'a string', source: '"café " + x', input: '😀'},
  {what: 'a character outside the BMP in a unicode regular expression', source: 'x.replace(/😀/u, "!")', input: 'a😀b'},
  {what: 'a template', source: '`€${x}`', input: 'é'},
  {what: 'an identifier', source: '(() => { const straße = x; return straße })()', input: 'ok'},
])('$what means the same in ASCII', ({source, input}) => {
  const ascii = asciiOnly(source)
  expect([...ascii].every((char) => char.charCodeAt(0) <= 0x7f)).toBe(true)
  expect(new Function('x', `return ${ascii}`)(input)).toBe(new Function('x', `return ${source}`)(input))
})

test('an escaped non-ASCII character, which \\u cannot stand for, is refused', () => {
  expect(() => asciiOnly('/\\é/.test(x)')).toThrow('escaped non-ASCII character')
})

// quota-report's and cron-trigger's direct.cjs too (commands run without oclif), which startup runs the
// same way, and every start.cjs (what bin/run.js requires first).
test.each([...plugins.flatMap((plugin) => [[plugin, 'main.cjs'], [plugin, 'start.cjs']]), ['plugin-quota', 'direct.cjs'], ['plugin-cron', 'direct.cjs']])('%s: dist/bundle/%s is ASCII only', (plugin, file) => {
  const bundle = fs.readFileSync(path.join(root, 'packages', plugin, 'dist/bundle', file))
  expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1)
})
