import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {expect, test} from 'vitest'
import {bundledPackages} from './bundled-packages.js'
import {thirdPartyNotices} from './third-party-notices.js'

/** A plugin package directory beside node_modules with two fake packages, as esbuild's metafile names its inputs. */
function fixture(): {workingDir: string; inputs: string[]} {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-notices-'))
  const files: Record<string, string> = {
    'node_modules/@fake/client/package.json': JSON.stringify({name: '@fake/client', version: '1.2.0', license: 'Apache-2.0'}),
    'node_modules/@fake/client/dist/esm/package.json': JSON.stringify({type: 'module'}), // not the package's own
    'node_modules/@fake/client/dist/esm/index.js': '',
    'node_modules/@fake/client/LICENSE': 'Apache License\r\nVersion 2.0\r\n\r\n',
    'node_modules/@fake/client/NOTICE.md': 'Fake Client\nCopyright 2026 The Fakers\n',
    'node_modules/@fake/client/license-checker.js': '', // a licence file is a file named LICENSE..., not license-checker.js
    'node_modules/.pnpm/bare@0.3.0/node_modules/bare/package.json': JSON.stringify({name: 'bare', version: '0.3.0', license: 'Unlicense', author: {name: 'Sam'}}),
    'node_modules/.pnpm/bare@0.3.0/node_modules/bare/index.js': '',
    'node_modules/.pnpm/bare@0.3.0/node_modules/bare/lib/util.js': '',
    'plugin/src/commands.ts': '',
  }
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true})
    fs.writeFileSync(path.join(root, file), text)
  }
  const inputs = [
    '../node_modules/.pnpm/bare@0.3.0/node_modules/bare/lib/util.js',
    '../node_modules/@fake/client/dist/esm/index.js',
    '../node_modules/.pnpm/bare@0.3.0/node_modules/bare/index.js',
    'src/commands.ts',
    '../../core/src/index.ts',
    'builtin:node:https',
    'standalone-entry.js',
  ]
  return {workingDir: path.join(root, 'plugin'), inputs}
}

test('bundledPackages: each package under node_modules once, sorted, with its licence files; our own files left out', () => {
  const {workingDir, inputs} = fixture()
  expect(bundledPackages(inputs, workingDir)).toEqual([
    {name: '@fake/client', version: '1.2.0', license: 'Apache-2.0', licenseFiles: [
      {name: 'LICENSE', text: 'Apache License\r\nVersion 2.0\r\n\r\n'},
      {name: 'NOTICE.md', text: 'Fake Client\nCopyright 2026 The Fakers\n'},
    ]},
    {name: 'bare', version: '0.3.0', license: 'Unlicense', licenseFiles: [], author: 'Sam'},
  ])
})

test('bundledPackages: the same name and version at two places is one package; versions in numeric order', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-notices-'))
  const copies = ['.pnpm/a@9.0.1/node_modules/a', '.pnpm/a@10.0.1/node_modules/a', '.pnpm/a@9.0.1_peer@1/node_modules/a']
  for (const dir of copies) {
    fs.mkdirSync(path.join(root, 'node_modules', dir), {recursive: true})
    fs.writeFileSync(path.join(root, 'node_modules', dir, 'package.json'), JSON.stringify({name: 'a', version: /a@([\d.]+)/.exec(dir)![1], licenses: [{type: 'MIT'}, {type: 'Apache-2.0'}]}))
  }
  const packages = bundledPackages(copies.map((dir) => `node_modules/${dir}/index.js`), root)
  expect(packages.map(({name, version, license}) => `${name}@${version} ${license}`)).toEqual(['a@9.0.1 (MIT OR Apache-2.0)', 'a@10.0.1 (MIT OR Apache-2.0)'])
})

test('thirdPartyNotices: the list, then each licence and NOTICE in full; a package without one says so', () => {
  const {workingDir, inputs} = fixture()
  expect(thirdPartyNotices('kubectl-cron_trigger 0.1.0', bundledPackages(inputs, workingDir))).toBe(`Third-party notices for kubectl-cron_trigger 0.1.0

kubeline is licensed under the Apache License 2.0 (LICENSE). kubectl-cron_trigger 0.1.0 also contains
the code of 2 npm packages, under their own licences:

  @fake/client 1.2.0  Apache-2.0
  bare 0.3.0          Unlicense

${'='.repeat(80)}
@fake/client 1.2.0
License: Apache-2.0

--- LICENSE ---
Apache License
Version 2.0

--- NOTICE.md ---
Fake Client
Copyright 2026 The Fakers

${'='.repeat(80)}
bare 0.3.0
License: Unlicense

The package has no licence file: its package.json declares Unlicense, author Sam.
`)
})

test('thirdPartyNotices: a single executable lists Node.js first, with its LICENSE', () => {
  const {workingDir, inputs} = fixture()
  const notices = thirdPartyNotices('kubectl-cron_trigger 0.1.0', bundledPackages(inputs, workingDir), {name: 'Node.js', version: '24.21.0', licenseText: 'Node.js is licensed for use as follows:\n'})
  expect(notices).toContain('kubectl-cron_trigger 0.1.0 also contains\nNode.js and the code of 2 npm packages, under their own licences:\n\n  Node.js 24.21.0     its LICENSE, below\n  @fake/client 1.2.0  Apache-2.0\n')
  expect(notices).toContain(`${'='.repeat(80)}\nNode.js 24.21.0\n\n--- LICENSE ---\nNode.js is licensed for use as follows:\n\n${'='.repeat(80)}\n@fake/client 1.2.0\n`)
})
