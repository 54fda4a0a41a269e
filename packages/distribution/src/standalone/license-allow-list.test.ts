import {expect, test} from 'vitest'
import {DisallowedLicenseError, licenseAllowed, refuseDisallowedLicenses} from './license-allow-list.js'

// Expressions in the SPDX syntax of package.json `license` (docs.npmjs.com, package.json#license; spdx.github.io/spdx-spec, annex D).
test.each([
  {expression: 'MIT', want: true},
  {expression: 'BlueOak-1.0.0', want: true},
  {expression: 'GPL-3.0', want: false},
  {expression: 'GPL-3.0-or-later', want: false},
  {expression: 'LGPL-2.1-only', want: false},
  {expression: 'MPL-2.0', want: false},
  {expression: 'UNKNOWN', want: false},
  {expression: 'SEE LICENSE IN LICENSE.txt', want: false},
  {expression: '(MIT OR GPL-3.0)', want: true},
  {expression: 'GPL-3.0 OR Apache-2.0', want: true},
  {expression: '(MIT AND GPL-3.0)', want: false},
  {expression: 'MIT AND ISC', want: true},
  {expression: 'GPL-2.0 OR (MIT AND BSD-3-Clause)', want: true},
  {expression: '(GPL-2.0 OR MIT) AND GPL-3.0', want: false},
  {expression: 'GPL-2.0-only WITH Classpath-exception-2.0', want: false},
  {expression: 'MIT WITH Classpath-exception-2.0', want: false},
  {expression: '(MIT', want: false},
  {expression: 'MIT OR', want: false},
  {expression: '', want: false},
])('licenseAllowed($expression) is $want', ({expression, want}) => {
  expect(licenseAllowed(expression)).toBe(want)
})

test('an exception is allowed when the list names the licence with it', () => {
  expect(licenseAllowed('GPL-2.0-only WITH Classpath-exception-2.0', new Set(['GPL-2.0-only WITH Classpath-exception-2.0']))).toBe(true)
})

test('refuseDisallowedLicenses names every refused package with its licence', () => {
  const packages = [
    {name: 'yaml', version: '2.9.1', license: 'ISC'},
    {name: 'readline-gpl', version: '1.0.0', license: 'GPL-3.0'},
    {name: 'mystery', version: '0.1.0', license: 'UNKNOWN'},
  ]
  const refuse = () => refuseDisallowedLicenses('kubectl-cron_trigger', packages)
  expect(refuse).toThrow(DisallowedLicenseError)
  expect(refuse).toThrow(/^kubectl-cron_trigger would bundle readline-gpl@1\.0\.0 \(GPL-3\.0\), mystery@0\.1\.0 \(UNKNOWN\): not an allowed licence \(0BSD, Apache-2\.0, /)
  expect(() => refuseDisallowedLicenses('kubectl-cron_trigger', packages.slice(0, 1))).not.toThrow()
})
