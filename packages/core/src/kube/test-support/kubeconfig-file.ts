import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Write a one-context kubeconfig to a temp dir for a test; returns its path. */
export function writeKubeconfig(cluster: Record<string, unknown>, user: Record<string, unknown>, namespace?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-test-'))
  const file = path.join(dir, 'config')
  fs.writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'test',
      clusters: [{name: 'test', cluster}],
      users: [{name: 'test', user}],
      contexts: [{name: 'test', context: {cluster: 'test', user: 'test', namespace}}],
    }),
  )
  return file
}
