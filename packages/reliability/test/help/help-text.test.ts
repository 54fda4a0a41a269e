import {readFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {pluginEntry} from '@kubeline/sandbox/e2e'
import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {describe, expect, test} from 'vitest'

const PLUGINS: PluginBinary[] = ['kubectl-quota_report', 'kubectl-netpol_test', 'kubectl-rollout_canary', 'kubectl-cron_trigger']

/** Each command's description, as the manifest (what oclif renders under DESCRIPTION) has it. */
function descriptions(binary: PluginBinary): {name: string; description: string}[] {
  const manifest = JSON.parse(readFileSync(new URL('../oclif.manifest.json', pathToFileURL(pluginEntry(binary))), 'utf8')) as {commands: Record<string, {description?: string}>}
  return Object.entries(manifest.commands).map(([id, command]) => ({name: id.startsWith('Symbol(') ? '(the command)' : id, description: command.description ?? ''}))
}

/** The USAGE section of every help page the build stored (what oclif prints: help-cache.test.ts). */
function usages(binary: PluginBinary): {name: string; usage: string}[] {
  const cache = JSON.parse(readFileSync(new URL('../dist/help.json', pathToFileURL(pluginEntry(binary))), 'utf8')) as {pages: Record<string, string>}
  return Object.entries(cache.pages).map(([key, page]) => ({
    name: (JSON.parse(key) as string[]).join(' ') || '(no arguments)',
    usage: /^USAGE\n([\s\S]*?)\n\n/m.exec(page)?.[1] ?? '',
  }))
}

// oclif's generated usage (DocOpts) leaves an empty alternative when one flag is in two exclusive groups
// ("[-l <value> | ]") and an empty group member for dependsOn ("[--offline ]"): a command with such
// flags states its usage itself.
describe.each(PLUGINS)('%s', (binary) => {
  // oclif wraps each line of a description to the terminal's width: a line broken in the source comes out
  // as a long line and a short one, mid-sentence. Paragraphs are one line each, apart by a blank line.
  test.each(descriptions(binary))('$name: each paragraph of the description is one line', ({description}) => {
    const paragraphs = description.split('\n\n')
    expect(paragraphs.filter((paragraph) => paragraph.includes('\n'))).toEqual([])
  })

  test.each(usages(binary))('$name: every usage group is well formed', ({usage}) => {
    expect(usage).toMatch(/^ {2}\$ kubectl /)
    const line = usage.replaceAll(/\n\s+/g, ' ')
    expect(line).not.toMatch(/\|\s*[\])]/)
    expect(line).not.toMatch(/[[(]\s*\|/)
    expect(line).not.toMatch(/\s[\])]/)
    expect(line).not.toMatch(/[[(]\s*[\])]/)
  })
})
