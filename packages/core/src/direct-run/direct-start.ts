import fs from 'node:fs'
import path from 'node:path'
import type {Interfaces} from '@oclif/core'
import {userCacheDir} from '../cache-file.js'
import {directInvocation} from './direct-invocation.js'
import type {DirectRunConfig, FlagManifest} from './direct-invocation.js'
import type {DirectRun, runDirect} from './run-direct.js'

type PJSON = Interfaces.PJSON

/** Where a plugin's direct runs come from: its package files, or a SEA's assets. */
export interface DirectRunSource {
  pjson: PJSON
  /** oclif.manifest.json, if there is one. */
  manifest(): FlagManifest | undefined
  /** What dist/bundle/direct.cjs exports, if there is one; loaded only for a command line it runs. */
  script(): Promise<DirectScript | undefined>
}

/** What dist/bundle/direct.cjs exports (scripts/bundle.js): the plugin's src/direct.ts, and core's runner. */
export interface DirectScript {
  directRuns: Readonly<Record<string, DirectRun>>
  runDirect: typeof runDirect
}

/**
 * Run argv without oclif, when the plugin has a direct run for its command and every flag given is one
 * that run takes (direct-run/): oclif costs about a third of a command's start. Anything else, or
 * KUBELINE_NO_DIRECT_RUN=1, goes to oclif.
 */
export async function ranDirectly(source: DirectRunSource, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const config = (source.pjson as {kubeline?: {directRun?: DirectRunConfig}}).kubeline?.directRun
  if (config === undefined || env.KUBELINE_NO_DIRECT_RUN) return false
  const manifest = source.manifest()
  const commands = source.pjson.oclif.commands
  const invocation = manifest && directInvocation(argv, manifest, config, typeof commands === 'object' && commands.strategy === 'single')
  const script = invocation && (await source.script())
  const run = script && invocation && script.directRuns[invocation.command]
  if (!run || !invocation) return false
  await script.runDirect(run, invocation.flags)
  return true
}

/**
 * A plugin's own files as the source of its direct runs; the bundle runs with a code cache, as main.cjs.
 * The code cache's module (node:crypto with it) is loaded only with the bundle: help and completion start here too.
 */
export function packageDirectRuns(plugin: {root: string; pjson: PJSON}): DirectRunSource {
  const manifestFile = path.join(plugin.root, 'oclif.manifest.json')
  const bundle = path.join(plugin.root, 'dist/bundle/direct.cjs')
  return {
    pjson: plugin.pjson,
    manifest: () => (fs.existsSync(manifestFile) ? (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as FlagManifest) : undefined),
    script: async () => {
      if (!fs.existsSync(bundle)) return undefined
      const {requireWithCodeCache} = await import('../code-cache.js')
      return requireWithCodeCache(bundle, {cacheDir: userCacheDir()}) as DirectScript
    },
  }
}
