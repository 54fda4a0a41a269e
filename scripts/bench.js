// `pnpm bench` / `npm run bench`: kubeline side by side with kubectl on the same sandbox, at start-up
// and at scale (three sizes each, to show how costs grow), plus the pure engines' own costs.
// Not part of the test command (too slow, and timing is not a test); `--smoke` is: tiny sizes, one
// run, and it only checks that every case runs and exits as expected.
// Writes the table to stdout and bench-results/latest.json (smoke.json for --smoke). See docs/performance.md.
//   node scripts/bench.js [--smoke] [--only=startup,forms,quota,cron,netpol,engines]
//   KUBELINE_BENCH_RUNS=10 (runs per case; the largest scale size runs a third as often)
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const options = process.argv.slice(2)
const SMOKE = options.includes('--smoke')
const ONLY = options.find((option) => option.startsWith('--only='))?.slice('--only='.length).split(',')
const RUNS = SMOKE ? 1 : Number(process.env.KUBELINE_BENCH_RUNS ?? 10)
// GNU time reports a child's peak RSS and CPU time (wait4 rusage); without it those columns stay empty.
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
const {startSandbox} = await import(path.join(root, 'packages/sandbox/dist/index.js'))

const SIZES = SMOKE
  ? {quota: ['namespaces=2,pods=20,quotas=2'], cron: ['namespaces=2,cronjobs=5'], netpol: ['namespaces=2,pods=20,policies=4']}
  : {
      quota: ['namespaces=20,pods=1000,quotas=20', 'namespaces=200,pods=10000,quotas=200', 'namespaces=2000,pods=100000,quotas=2000'],
      cron: ['namespaces=5,cronjobs=50', 'namespaces=50,cronjobs=500', 'namespaces=500,cronjobs=5000'],
      netpol: ['namespaces=20,pods=1000,policies=200', 'namespaces=200,pods=10000,policies=2000', 'namespaces=2000,pods=100000,policies=20000'],
    }

const wanted = (section) => !ONLY || ONLY.includes(section)
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const round = (value) => (value === undefined ? undefined : Math.round(value))

/**
 * Runs a command once: wall time; with GNU time its peak RSS (MB) and CPU time (ms); with a sandbox
 * the API requests it sent, as `verb resource` counts. Rejects on an unexpected exit code.
 */
function measure([command, args], {env, sandbox, expect = [0]}) {
  const report = TIME ? path.join(os.tmpdir(), `kubeline-bench-${process.pid}.time`) : undefined
  const [file, argv] = TIME ? [TIME, ['-f', '%M %U %S', '-o', report, command, ...args]] : [command, args]
  sandbox?.requests.clear()
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(file, argv, {env, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const sample = {ms: performance.now() - started, ...(sandbox && requestsOf(sandbox))}
      if (!expect.includes(code)) return reject(new Error(`${command} ${args.join(' ')} exited ${code}, expected ${expect.join(' or ')}: ${stderr.slice(0, 2000)}`))
      if (!report) return resolve(sample)
      // GNU time puts "Command exited with non-zero status N" before the format line.
      const [rssKb, user, system] = fs.readFileSync(report, 'utf8').trim().split('\n').at(-1).split(' ').map(Number)
      resolve({...sample, rssMb: rssKb / 1024, cpuMs: (user + system) * 1000})
    })
  })
}

function requestsOf(sandbox) {
  const counts = sandbox.requests.counts()
  const routes = Object.fromEntries(counts.map((e) => [`${e.verb} ${e.resource}${e.subresource ? `/${e.subresource}` : ''}`, e.count]))
  return {requests: counts.reduce((sum, entry) => sum + entry.count, 0), routes}
}

/** Both commands `runs` times, interleaved so that machine load hits both alike, after one warm-up each. */
async function sideBySide(name, ours, theirs, context) {
  const runs = context.runs ?? RUNS
  if (!SMOKE) for (const command of [ours, theirs]) await measure(command, context) // compile cache, page cache, kubectl's discovery cache
  const a = []
  const b = []
  for (let i = 0; i < runs; i++) {
    a.push(await measure(ours, context))
    b.push(await measure(theirs, context))
  }
  const stat = (samples, key) => (samples[0][key] === undefined ? undefined : median(samples.map((s) => s[key])))
  const row = {
    case: name,
    size: context.size,
    runs,
    kubelineMs: round(stat(a, 'ms')),
    kubectlMs: round(stat(b, 'ms')),
    ratio: Number((stat(a, 'ms') / stat(b, 'ms')).toFixed(2)),
    kubelineCpuMs: round(stat(a, 'cpuMs')),
    kubectlCpuMs: round(stat(b, 'cpuMs')),
    kubelineRssMb: round(stat(a, 'rssMb')),
    kubectlRssMb: round(stat(b, 'rssMb')),
  }
  if (context.sandbox) {
    Object.assign(row, {kubelineRequests: a.at(-1).requests, kubectlRequests: b.at(-1).requests, kubelineRoutes: a.at(-1).routes, kubectlRoutes: b.at(-1).routes})
  }
  return row
}

const node = process.execPath
// quota-report exits 3 when a quota is over its threshold, as some are in these clusters; kubectl exits 0.
const QUOTA_EXITS = [0, 3]
const entry = (pkg) => path.join(root, 'packages', pkg, 'bin/run.js')
const plugin = (pkg, ...args) => [node, [entry(pkg), ...args]]
const kubectl = (...args) => ['kubectl', args]
const inTerminal = (command) => ['script', ['--quiet', '--return', '--command', command, '/dev/null']]

async function withSandbox(fixture, run) {
  const started = performance.now()
  const sandbox = await startSandbox({fixture, controllers: false})
  const startMs = performance.now() - started
  try {
    return await run({sandbox, startMs, env: {...process.env, KUBECONFIG: sandbox.kubeconfigPath, NO_COLOR: '1'}})
  } finally {
    await sandbox.stop()
  }
}

async function startupCases() {
  return withSandbox('demo', async ({sandbox, env}) => {
    const rows = []
    const context = {env, sandbox}
    for (const pkg of ['plugin-quota', 'plugin-cron', 'plugin-netpol', 'plugin-rollout']) {
      rows.push(await sideBySide(`${pkg} --help vs kubectl version --client`, plugin(pkg, '--help'), kubectl('version', '--client'), {env}))
    }
    // In a terminal (util-linux `script` gives one to both sides): oclif's page for it, remembered after the warm-up run.
    for (const pkg of ['plugin-quota', 'plugin-cron', 'plugin-netpol', 'plugin-rollout']) {
      rows.push(await sideBySide(`${pkg} --help in a terminal vs kubectl version --client in a terminal`,
        inTerminal(`'${node}' '${entry(pkg)}' --help`), inTerminal('kubectl version --client'), {env}))
    }
    const noop = noopPlugin()
    try {
      rows.push(await sideBySide('kubectl noop (kubectl running a plugin that exits at once) vs kubectl version --client',
        kubectl('noop'), kubectl('version', '--client'), {env: {...env, PATH: `${noop}${path.delimiter}${env.PATH}`}}))
    } finally {
      fs.rmSync(noop, {recursive: true, force: true})
    }
    const quotaReport = plugin('plugin-quota', '-n', 'payments', '-o', 'json')
    const getQuotas = kubectl('get', 'resourcequota', '-n', 'payments', '-o', 'json')
    rows.push(await sideBySide('quota-report -n payments -o json vs kubectl get resourcequota -n payments -o json', quotaReport, getQuotas, {...context, expect: QUOTA_EXITS}))
    // What any Node client pays: node:https alone sending the same requests, against kubectl and against quota-report.
    const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-bench-ca-')), 'ca.pem')
    fs.writeFileSync(caFile, sandbox.caCertificate)
    try {
      const bareClient = [node, [path.join(root, 'scripts/bench-bare-client.cjs'), sandbox.url, caFile, sandbox.admin.token, 'payments']]
      rows.push(await sideBySide('a bare node:https client sending the same requests vs kubectl get resourcequota -n payments -o json', bareClient, getQuotas, context))
      rows.push(await sideBySide('quota-report -n payments -o json vs that bare node:https client', quotaReport, bareClient, {...context, expect: QUOTA_EXITS}))
      // Any kubectl plugin must also read the kubeconfig: the same client, bundled with yaml, reading it.
      await bundleBareClient(path.join(path.dirname(caFile), 'bare-client.cjs'))
      const kubeconfigClient = [node, [path.join(path.dirname(caFile), 'bare-client.cjs'), '--kubeconfig', sandbox.kubeconfigPath, 'payments']]
      rows.push(await sideBySide('that client reading the kubeconfig with yaml (bundled) vs kubectl get resourcequota -n payments -o json', kubeconfigClient, getQuotas, context))
    } finally {
      fs.rmSync(path.dirname(caFile), {recursive: true, force: true})
    }
    rows.push(await sideBySide('cron-trigger list -A vs kubectl get cronjobs -A', plugin('plugin-cron', 'list', '-A'), kubectl('get', 'cronjobs', '-A'), context))
    return rows
  })
}

/** scripts/bench-bare-client.cjs with core's `yaml` in one CommonJS file, as kubeline's main.cjs is built. */
async function bundleBareClient(outfile) {
  const {build} = await import('esbuild')
  const yaml = createRequire(path.join(root, 'packages/core/package.json')).resolve('yaml')
  await build({entryPoints: [path.join(root, 'scripts/bench-bare-client.cjs')], outfile, bundle: true, minify: true, platform: 'node', format: 'cjs', alias: {yaml}, logLevel: 'warning'})
}

/**
 * A directory holding `kubectl-noop`, a plugin that exits at once: `kubectl noop` measures what
 * `kubectl <plugin>` costs before any plugin runs. The other cases run our plugins directly, as kubectl
 * runs them after that.
 */
function noopPlugin() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeline-bench-noop-'))
  fs.writeFileSync(path.join(dir, 'kubectl-noop'), '#!/bin/sh\nexit 0\n', {mode: 0o755})
  return dir
}

/** The standalone forms of `pnpm package` (dist-packages/), when they have been built. */
async function formCases() {
  const forms = [['single-file', path.join(root, 'dist-packages/node/kubectl-quota_report')], ['SEA', path.join(root, `dist-packages/${process.platform}-${process.arch}/kubectl-quota_report`)]]
  const present = forms.filter(([, file]) => fs.existsSync(file))
  if (present.length === 0) return []
  return withSandbox('demo', async ({env}) => {
    const rows = []
    // The single file runs on the node found on PATH, as it would for a user: put this one first.
    const context = {env: {...env, PATH: `${path.dirname(node)}${path.delimiter}${env.PATH}`}}
    for (const [form, file] of present) {
      rows.push(await sideBySide(`quota-report (${form}) --help vs kubectl version --client`, [file, ['--help']], kubectl('version', '--client'), context))
      rows.push(await sideBySide(`quota-report (${form}) -n payments -o json vs kubectl get resourcequota -n payments -o json`,
        [file, ['-n', 'payments', '-o', 'json']], kubectl('get', 'resourcequota', '-n', 'payments', '-o', 'json'), {...context, expect: QUOTA_EXITS}))
    }
    return rows
  })
}

/** One side-by-side case at each size; the largest size runs a third as often. */
async function scaleCases(name, sizes, ours, theirs, expect) {
  const rows = []
  for (const [index, size] of sizes.entries()) {
    const runs = SMOKE ? 1 : index === sizes.length - 1 ? Math.max(3, Math.ceil(RUNS / 3)) : RUNS
    rows.push(await withSandbox(`scale:${size}`, async ({sandbox, startMs, env}) => ({
      ...(await sideBySide(name, ours, theirs, {env, sandbox, size, runs, expect})),
      sandboxStartMs: Math.round(startMs),
    })))
  }
  return withGrowth(rows, 'kubelineMs')
}

/** Each row's cost relative to the row before it (sizes grow tenfold): about 10 is linear. */
function withGrowth(rows, key) {
  return rows.map((row, i) => (i === 0 ? row : {...row, growth: Number((row[key] / rows[i - 1][key]).toFixed(1))}))
}

async function netpolEngine() {
  const rows = []
  for (const size of SIZES.netpol) {
    const output = []
    const run = await new Promise((resolve, reject) => {
      const child = spawn(TIME ?? node, [...(TIME ? ['-f', '%M %U %S', node] : []), path.join(root, 'scripts/bench-netpol-engine.js'), size], {stdio: ['ignore', 'pipe', 'pipe']})
      let stderr = ''
      child.stdout.on('data', (chunk) => output.push(chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('close', (code) => (code === 0 ? resolve(stderr) : reject(new Error(`netpol engine ${size} exited ${code}: ${stderr}`))))
    })
    const rssKb = TIME ? Number(run.trim().split('\n').at(-1).split(' ')[0]) : undefined
    rows.push({case: 'netpol-test engine: compile + matrix 8080/TCP, one check', size, ...JSON.parse(Buffer.concat(output).toString()), peakRssMb: round(rssKb && rssKb / 1024)})
  }
  return withGrowth(rows.map((row) => ({...row, totalMs: row.compileMs + row.matrixMs})), 'totalMs')
}

async function cronEngine() {
  const {nextRuns} = await import(path.join(root, 'packages/plugin-cron/dist/index.js'))
  const schedules = [['*/5 * * * *', 'UTC'], ['30 2 * * 1-5', 'America/New_York'], ['0 9 1,15 * *', 'Europe/Berlin'], ['15 */3 * * 0', 'Asia/Tokyo']]
  const from = new Date('2026-01-01T00:00:00Z')
  let runs = 0
  const started = performance.now()
  for (let i = 0; i < (SMOKE ? 1 : 200); i++) for (const [schedule, timeZone] of schedules) runs += nextRuns(schedule, {timeZone, from, count: 50}).length
  return {case: 'cron-trigger engine: one next-run time', microsPerRun: Number((((performance.now() - started) * 1000) / runs).toFixed(2)), runs}
}

const results = []
if (wanted('startup')) results.push(...(await startupCases()))
if (wanted('forms') && !SMOKE) results.push(...(await formCases()))
if (wanted('quota')) {
  results.push(...(await scaleCases('quota-report -A -o json vs kubectl get resourcequotas,limitranges,pods -A -o json', SIZES.quota,
    plugin('plugin-quota', '-A', '-o', 'json'), kubectl('get', 'resourcequotas,limitranges,pods', '-A', '-o', 'json'), QUOTA_EXITS)))
}
if (wanted('cron')) results.push(...(await scaleCases('cron-trigger list -A vs kubectl get cronjobs -A', SIZES.cron, plugin('plugin-cron', 'list', '-A'), kubectl('get', 'cronjobs', '-A'), [0])))
if (wanted('netpol')) results.push(...(await netpolEngine()))
if (wanted('engines')) results.push(await cronEngine())

const cell = (value, unit = '') => (value === undefined ? '-' : `${value}${unit}`)
for (const row of results) {
  const label = row.size ? `${row.case} [${row.size}]` : row.case
  if ('ratio' in row) {
    process.stdout.write(`${label}\n    kubeline ${cell(row.kubelineMs, ' ms')} (cpu ${cell(row.kubelineCpuMs, ' ms')}, rss ${cell(row.kubelineRssMb, ' MB')}, ${cell(row.kubelineRequests)} requests)` +
      `  kubectl ${cell(row.kubectlMs, ' ms')} (cpu ${cell(row.kubectlCpuMs, ' ms')}, rss ${cell(row.kubectlRssMb, ' MB')}, ${cell(row.kubectlRequests)} requests)` +
      `  ratio x${row.ratio}${row.growth ? `  growth x${row.growth}` : ''}${row.sandboxStartMs ? `  (sandbox start ${row.sandboxStartMs} ms)` : ''}\n`)
  } else if ('microsPerRun' in row) {
    process.stdout.write(`${label}\n    ${row.microsPerRun} µs per run\n`)
  } else {
    process.stdout.write(`${label}\n    ${row.classes} classes, compile ${row.compileMs} ms, matrix ${row.matrixMs} ms, check ${row.checkMs} ms, rss ${cell(row.peakRssMb, ' MB')}${row.growth ? `  growth x${row.growth}` : ''}\n`)
  }
}
const load = os.loadavg().map((value) => value.toFixed(1)).join(' ')
process.stdout.write(`${results.length} cases, ${RUNS} runs each, load average ${load}\n`)
fs.mkdirSync(path.join(root, 'bench-results'), {recursive: true})
fs.writeFileSync(path.join(root, `bench-results/${SMOKE ? 'smoke' : 'latest'}.json`),
  JSON.stringify({date: new Date().toISOString(), runs: RUNS, node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), results}, null, 2) + '\n')
