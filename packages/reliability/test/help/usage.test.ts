import {readFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {pluginEntry} from '@kubeline/sandbox/e2e'
import type {PluginBinary} from '@kubeline/sandbox/e2e'
import {describe, expect, test} from 'vitest'

const PLUGINS: PluginBinary[] = ['kubectl-quota_report', 'kubectl-netpol_test', 'kubectl-rollout_canary', 'kubectl-cron_trigger']

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
  test.each(usages(binary))('$name: every usage group is well formed', ({usage}) => {
    expect(usage).toMatch(/^ {2}\$ kubectl /)
    const line = usage.replaceAll(/\n\s+/g, ' ')
    expect(line).not.toMatch(/\|\s*[\])]/)
    expect(line).not.toMatch(/[[(]\s*\|/)
    expect(line).not.toMatch(/\s[\])]/)
    expect(line).not.toMatch(/[[(]\s*[\])]/)
  })
})
