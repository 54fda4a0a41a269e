import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {expect, test} from 'vitest'
import {KNOWN_BUGS} from './support/known-bugs.js'
import {allCaseNames, suiteCounts} from './suite-counts.js'

const doc = readFileSync(fileURLToPath(new URL('../../../docs/reliability.md', import.meta.url)), 'utf8')

test.each(suiteCounts())('docs/reliability.md states the $label: $count', ({label, count}) => {
  const row = doc.split('\n').find((line) => line.startsWith(`| ${label} |`))
  expect(row, `docs/reliability.md has no row "| ${label} | ${count} |"`).toBeDefined()
  expect(row).toBe(`| ${label} | ${count} |`)
})

test('every known bug names a case that exists, and is listed in docs/reliability.md', () => {
  const names = allCaseNames()
  for (const name of KNOWN_BUGS.keys()) {
    expect(names.has(name), `KNOWN_BUGS names no case: ${name}`).toBe(true)
    expect(doc).toContain(name)
  }
})
