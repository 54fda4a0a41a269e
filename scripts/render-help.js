// Renders a plugin's help with oclif into dist/help.json: `node ../../scripts/render-help.js` from the
// package directory (its build script runs it after `oclif manifest`). At start-up,
// packages/core/src/help-cache.ts prints these pages without importing oclif when oclif would
// print the same bytes. See docs/performance.md.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
// Built before any plugin (a dependency of each): one list of what changes how help renders.
import {MAX_HELP_ARGV, isHelpStyleEnv} from '../packages/core/dist/help-cache.js'

/** oclif's width when stdout is not a terminal and OCLIF_COLUMNS is unset (its screen.js). */
const WIDTH = 80
/** Every argv for which oclif shows help: the root, each command and each topic, with each help flag. */
function helpArgvs(config) {
  // oclif's getHelpFlagAdditions (not exported).
  const helpFlags = [...new Set([...(config.pjson.oclif.additionalHelpFlags ?? []), '--help'])]
  const words = (id) => id.split(':')
  const argvs = helpFlags.map((flag) => [flag])
  if (config.isSingleCommandCLI) return argvs
  argvs.push([])
  for (const command of config.commands) for (const flag of helpFlags) argvs.push([...words(command.id), flag])
  // oclif lists a topic for every command id too; only a topic that is not a command shows help alone.
  for (const topic of config.topics.filter(({name}) => !config.findCommand(name))) {
    argvs.push(words(topic.name))
    for (const flag of helpFlags) argvs.push([...words(topic.name), flag])
  }
  return argvs.filter((argv) => !argv.some((word) => word.includes(' ')))
}

/** In a child whose stdout is a pipe: oclif's stdout for each help argv, as it runs from bin/run.js. */
async function renderPages(packageDir) {
  const oclif = createRequire(path.join(packageDir, 'package.json'))('@oclif/core')
  oclif.settings.enableAutoTranspile = false
  const binUrl = pathToFileURL(path.join(packageDir, 'bin/run.js')).href
  const config = await oclif.Config.load(binUrl)
  const pages = {}
  const write = process.stdout.write
  for (const argv of helpArgvs(config)) {
    if (argv.length > MAX_HELP_ARGV) throw new Error(`help argv ${argv.join(' ')} is longer than ${MAX_HELP_ARGV} words`)
    let output = ''
    process.stdout.write = (chunk) => {
      output += chunk
      return true
    }
    try {
      await oclif.run(argv, binUrl)
    } finally {
      process.stdout.write = write
    }
    pages[JSON.stringify(argv)] = output
  }
  return pages
}

export function renderHelp(packageDir) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !isHelpStyleEnv(name)))
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', packageDir], {env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  if (child.status !== 0) throw new Error(`rendering help for ${packageDir} failed (exit ${child.status})`)
  const pages = JSON.parse(child.stdout)
  fs.writeFileSync(path.join(packageDir, 'dist/help.json'), JSON.stringify({width: WIDTH, pages}) + '\n')
  return pages
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') {
    const pages = await renderPages(process.argv[3])
    process.stdout.write(JSON.stringify(pages))
  } else {
    const packageDir = path.resolve(process.argv[2] ?? '.')
    const pages = renderHelp(packageDir)
    process.stdout.write(`rendered help for ${path.basename(packageDir)}: ${Object.keys(pages).length} pages\n`)
  }
}
