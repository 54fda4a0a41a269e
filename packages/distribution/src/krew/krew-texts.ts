/** What krew shows beside each plugin: `kubectl krew search` (short) and after install (caveats). */
export interface KrewTexts {
  shortDescription: string
  caveats: string
}

/** By krew name (kubectl's name for the plugin); at most 50 characters each. */
const SHORT_DESCRIPTIONS: Record<string, string> = {
  'quota-report': 'Report ResourceQuota use; check manifests fit',
  'netpol-test': 'Test and explain NetworkPolicy connectivity',
  'rollout-canary': 'Canary and blue/green releases for Deployments',
  'cron-trigger': 'Run a CronJob now, wait and stream its logs',
}

/**
 * krew installs one binary, so `kubectl <name> <TAB>` (kubectl 1.26+ runs
 * kubectl_complete-<plugin>) needs a one-line script the user creates.
 */
export function krewTexts(name: string, binary: string, homepage: string): KrewTexts {
  const shortDescription = SHORT_DESCRIPTIONS[name]
  if (shortDescription === undefined) throw new Error(`no krew short description for plugin "${name}": add one to krew-texts.ts`)
  const completer = `~/.krew/bin/kubectl_complete-${binary.replace(/^kubectl-/, '')}`
  const completionCommand = name === 'quota-report' ? '--completion' : 'completion'
  const caveats = `The permissions each command needs: ${homepage}/blob/main/docs/rbac.md

TAB completion of \`kubectl ${name}\` (kubectl 1.26+):
  printf '#!/bin/sh\\nexec ${binary} __complete "$@"\\n' > ${completer} && chmod +x ${completer}
TAB completion of ${binary} typed directly (bash; also zsh, fish):
  source <(${binary} ${completionCommand} bash)
`
  return {shortDescription, caveats}
}
