import {runPlugin} from '@kubeline/sandbox/e2e'
import {describe, expect, test} from 'vitest'

// `kubectl cron-trigger NAME ...` runs `now NAME ...` (src/hooks/name-means-now.ts). Help and flag errors
// need no cluster: KUBECONFIG points nowhere, so a run that reached the API would fail instead.
const cron = (args: string[], env: Record<string, string> = {}) => runPlugin('kubectl-cron_trigger', args, {kubeconfig: '/nonexistent/kubeconfig', env})

/** oclif renders every help page (the stored pages, dist/help.json, are off). */
const THROUGH_OCLIF = {KUBELINE_NO_HELP_CACHE: '1'}

describe('NAME means now NAME', () => {
  test.each([
    {name: '--help', argv: ['backup', '--help']},
    {name: '-h', argv: ['backup', '-h']},
    {name: 'several names', argv: ['backup', 'reindex', '--help']},
    {name: 'help before the name', argv: ['--help', 'backup']},
    {name: 'help NAME', argv: ['help', 'backup']},
  ])('$name prints the help of now, as stored and as oclif renders it', async ({argv}) => {
    const nowHelp = await cron(['now', '--help'])
    expect(nowHelp.stdout).toMatch(/^USAGE\n {2}\$ kubectl cron-trigger now /m)
    for (const env of [{}, THROUGH_OCLIF]) {
      expect(await cron(argv, env)).toEqual({stdout: nowHelp.stdout, stderr: '', code: 0})
    }
  })

  test('a command word keeps its own help', async () => {
    const listHelp = await cron(['list', '--help'], THROUGH_OCLIF)
    expect(listHelp.code).toBe(0)
    expect(listHelp.stdout).toMatch(/^ {2}\$ kubectl cron-trigger list /m)
  })

  test('an unknown flag after NAME is a usage error of now, exit 2', async () => {
    const run = await cron(['backup', '--bogus'])
    expect(run).toEqual({stdout: '', stderr: "error: Nonexistent flag: --bogus\n  See 'kubectl cron-trigger now --help'.\n", code: 2})
  })
})
