// `pnpm bench` / `npm run bench`: kubeline side by side with kubectl on the same sandbox, plus the
// pure engines' own costs. Not part of the test command (too slow, and timing is not a test).
// Writes the table to stdout and bench-results/latest.json. See docs/performance.md.
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = Number(process.env.KUBELINE_BENCH_RUNS ?? 10)
const {startSandbox} = await import(path.join(root, 'packages/sandbox/dist/index.js'))

function timeCommand(command, args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {env, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 || code === 3 ? resolve(performance.now() - started) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`))))
  })
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Run both commands RUNS times, interleaved so that machine load hits both alike. */
async function sideBySide(name, ours, theirs, env) {
  const a = []
  const b = []
  await timeCommand(...ours, env) // warm the compile cache and the page cache
  await timeCommand(...theirs, env)
  for (let i = 0; i < RUNS; i++) {
    a.push(await timeCommand(...ours, env))
    b.push(await timeCommand(...theirs, env))
  }
  const kubeline = median(a)
  const kubectl = median(b)
  return {case: name, kubelineMs: Math.round(kubeline), kubectlMs: Math.round(kubectl), ratio: Number((kubeline / kubectl).toFixed(2))}
}

function cronEngine() {
  return import(path.join(root, 'packages/plugin-cron/dist/index.js')).then(({nextRuns}) => {
    const schedules = [['*/5 * * * *', 'UTC'], ['30 2 * * 1-5', 'America/New_York'], ['0 9 1,15 * *', 'Europe/Berlin'], ['15 */3 * * 0', 'Asia/Tokyo']]
    const from = new Date('2026-01-01T00:00:00Z')
    let runs = 0
    const started = performance.now()
    for (let i = 0; i < 200; i++) for (const [schedule, timeZone] of schedules) runs += nextRuns(schedule, {timeZone, from, count: 50}).length
    return {case: 'cron: next run (engine)', microsPerRun: Number((((performance.now() - started) * 1000) / runs).toFixed(2)), runs}
  })
}

function netpolMatrix() {
  return new Promise((resolve) => {
    const dir = path.join(root, 'packages/plugin-netpol')
    const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', '--import', './bench/resolve-typescript.mjs', 'bench/connectivity-matrix.bench.ts'], {cwd: dir})
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('close', () => resolve({case: 'netpol: matrix 10,000 pods x 2,000 policies (engine)', output: out.trim()}))
  })
}

const sandbox = await startSandbox({fixture: 'demo'})
const results = []
try {
  const env = {...process.env, KUBECONFIG: sandbox.kubeconfigPath, NO_COLOR: '1'}
  const node = process.execPath
  const entry = (pkg) => path.join(root, 'packages', pkg, 'bin/run.js')
  for (const pkg of ['plugin-quota', 'plugin-cron', 'plugin-netpol', 'plugin-rollout']) {
    results.push(await sideBySide(`${pkg} --help vs kubectl version --client`, [node, [entry(pkg), '--help']], ['kubectl', ['version', '--client']], env))
  }
  results.push(await sideBySide('quota-report -n payments -o json vs kubectl get resourcequota -n payments -o json',
    [node, [entry('plugin-quota'), '-n', 'payments', '-o', 'json']], ['kubectl', ['get', 'resourcequota', '-n', 'payments', '-o', 'json']], env))
  results.push(await sideBySide('cron-trigger list -A vs kubectl get cronjobs -A',
    [node, [entry('plugin-cron'), 'list', '-A']], ['kubectl', ['get', 'cronjobs', '-A']], env))
} finally {
  await sandbox.stop()
}
results.push(await cronEngine())
results.push(await netpolMatrix())

for (const row of results) {
  if ('ratio' in row) process.stdout.write(`${row.case.padEnd(90)} ${String(row.kubelineMs).padStart(6)} ms ${String(row.kubectlMs).padStart(6)} ms  x${row.ratio}\n`)
  else if ('microsPerRun' in row) process.stdout.write(`${row.case.padEnd(90)} ${row.microsPerRun} µs per run\n`)
  else process.stdout.write(`${row.case}\n${row.output}\n`)
}
fs.mkdirSync(path.join(root, 'bench-results'), {recursive: true})
fs.writeFileSync(path.join(root, 'bench-results/latest.json'), JSON.stringify({date: new Date().toISOString(), runs: RUNS, node: process.version, results}, null, 2))
