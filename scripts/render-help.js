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
import {MAX_HELP_ARGV, STORED_HELP_FLAG, isHelpStyleEnv} from '../packages/core/dist/help-cache.js'

/** oclif's width when stdout is not a terminal and OCLIF_COLUMNS is unset (its screen.js). */
const WIDTH = 80
/** oclif's help flags for the plugin: `--help` and its `additionalHelpFlags` (oclif's getHelpFlagAdditions). */
function helpFlags(config) {
  return [...new Set([...(config.pjson.oclif.additionalHelpFlags ?? []), STORED_HELP_FLAG])]
}

/**
 * Every argv for which oclif shows help: the root, each command and each topic, with `--help`. The
 * other help flags print the same page (oclif drops them all before it picks one): help-cache.ts maps them.
 */
function helpArgvs(config) {
  const words = (id) => id.split(':')
  const argvs = [[STORED_HELP_FLAG]]
  if (config.isSingleCommandCLI) return argvs
  argvs.push([])
  for (const command of config.commands) argvs.push([...words(command.id), STORED_HELP_FLAG])
  // oclif lists a topic for every command id too; only a topic that is not a command shows help alone.
  for (const topic of config.topics.filter(({name}) => !config.findCommand(name))) {
    argvs.push(words(topic.name), [...words(topic.name), STORED_HELP_FLAG])
  }
  return argvs.filter((argv) => !argv.some((word) => word.includes(' ')))
}

/** oclif takes a help flag as help before it parses flags: a command's own flag spelled the same could never be used. */
function assertNoFlagIsAHelpFlag(config, flags) {
  for (const command of config.commands) {
    for (const [name, flag] of Object.entries(command.flags ?? {})) {
      const chars = [flag.char, ...(flag.charAliases ?? [])].filter(Boolean)
      const spellings = [name, ...(flag.aliases ?? [])].map((long) => `--${long}`).concat(chars.map((char) => `-${char}`))
      const taken = spellings.find((spelling) => flags.includes(spelling))
      if (taken) throw new Error(`${config.bin} ${command.id.replaceAll(':', ' ')}: flag --${name} is spelled ${taken}, which is a help flag`)
    }
  }
}

/** In a child whose stdout is a pipe: oclif's stdout for each help argv, as it runs from bin/run.js. */
async function renderPages(packageDir) {
  const oclif = createRequire(path.join(packageDir, 'package.json'))('@oclif/core')
  oclif.settings.enableAutoTranspile = false
  const binUrl = pathToFileURL(path.join(packageDir, 'bin/run.js')).href
  const config = await oclif.Config.load(binUrl)
  assertNoFlagIsAHelpFlag(config, helpFlags(config))
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
  return {helpFlags: helpFlags(config), pages}
}

export function renderHelp(packageDir) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !isHelpStyleEnv(name)))
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', packageDir], {env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  if (child.status !== 0) throw new Error(`rendering help for ${packageDir} failed (exit ${child.status})`)
  const {helpFlags, pages} = JSON.parse(child.stdout)
  fs.writeFileSync(path.join(packageDir, 'dist/help.json'), JSON.stringify({width: WIDTH, helpFlags, pages}) + '\n')
  return pages
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') {
    process.stdout.write(JSON.stringify(await renderPages(process.argv[3])))
  } else {
    const packageDir = path.resolve(process.argv[2] ?? '.')
    const pages = renderHelp(packageDir)
    process.stdout.write(`rendered help for ${path.basename(packageDir)}: ${Object.keys(pages).length} pages\n`)
  }
}
