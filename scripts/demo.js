// The README's first Quick start command: start the sandbox with the `demo` cluster,
// run each plugin against it the way a user would (through `kubectl <plugin>`, with
// the launchers of bin/ on PATH), then stop it. Only the sandbox's own temporary
// kubeconfig is used: the user's kubeconfig is never read or written.
import {spawn} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {startSandbox} = await import(path.join(root, 'packages/sandbox/dist/index.js'))

const steps = [
  ['Quotas across the cluster: which team is close to its limits (exit 3: something is full)', ['quota-report', '-A'], {expectCode: 3}],
  ['Would two more api replicas fit in payments? (plan mode reads manifests from stdin, as after helm template)', ['quota-report', '-n', 'payments', '-f', '-'], {expectCode: 3, stdin: `apiVersion: apps/v1
kind: Deployment
metadata: {name: api-canary}
spec:
  replicas: 2
  selector: {matchLabels: {app: api, track: canary}}
  template:
    metadata: {labels: {app: api, track: canary}}
    spec:
      containers:
      - name: api
        image: ghcr.io/kubeline/payments-api:1.20.0
        resources: {requests: {cpu: 500m, memory: 512Mi}, limits: {cpu: '1', memory: 1Gi}}
`}],
  ['One namespace with its top consumers, as JSON for a script', ['quota-report', '-n', 'payments', '--top', '1', '-o', 'json', '--fail-at', '1000'], {jq: (doc) => doc.summary}],
  ['Can the payments frontend reach the api on 8080? The verdict, with the rules that decided it', ['netpol-test', 'check', '--from', 'payments/deploy/frontend', '--to', 'payments/deploy/api', '--port', '8080']],
  ['The connectivity matrix of the payments namespace, one row per workload', ['netpol-test', 'matrix', '-n', 'payments', '--port', '8080', '--group-by', 'workload']],
  ['Does the network do what the policies say? Live probes from inside the pods (the sandbox, like a CNI without NetworkPolicy support, enforces nothing: exit 3)', ['netpol-test', 'probe', '-n', 'payments', '-l', 'app in (frontend,db)', '--port', '5432'], {expectCode: 3}],
  ['A canary release of checkout/web: 50% of the replicas, a short pause, then promotion', ['rollout-canary', 'start', 'web', '-n', 'checkout', '--image', 'web=nginx:1.27.3', '--steps', '50,100', '--pause', '2s', '--wait']],
  ['The release, as status shows it', ['rollout-canary', 'status', 'web', '-n', 'checkout']],
  ['CronJobs: what runs when, and what needs attention', ['cron-trigger', 'list', '-A']],
  ['The next runs of a CronJob, exactly as the controller computes them', ['cron-trigger', 'next', 'settlement-report', '-n', 'payments', '--count', '3']],
  ['Run a CronJob now, stream its logs, exit with its result', ['cron-trigger', 'now', 'reindex', '-n', 'search', '--wait', '--logs']],
  ['A Job that fails exits 3 with the reason; its retried pod follows the first', ['cron-trigger', 'now', 'settlement-report', '-n', 'payments', '--logs'], {expectCode: 3}],
  ['Check a schedule before committing it (DST: 01:30 runs twice in New York on Nov 1)', ['cron-trigger', 'next', '--schedule', '30 1 * * *', '--time-zone', 'America/New_York', '--from', '2026-10-31T00:00:00Z', '--count', '3']],
]

const sandbox = await startSandbox({fixture: 'demo'})
let failures = 0
try {
  const env = {...process.env, KUBECONFIG: sandbox.kubeconfigPath, PATH: `${path.join(root, 'bin')}${path.delimiter}${process.env.PATH}`}
  delete env.NO_COLOR
  process.stdout.write(`kubeline demo: a sandbox cluster at ${sandbox.url} (kubeconfig ${sandbox.kubeconfigPath})\n`)
  for (const [title, args, {expectCode = 0, jq, stdin} = {}] of steps) {
    process.stdout.write(`\n# ${title}\n${stdin ? 'cat deployment.yaml | ' : '$ '}kubectl ${args.join(' ')}${jq ? ' | jq .summary' : ''}\n`)
    // Asynchronous: the sandbox serves from this very process while the plugin runs.
    const code = await new Promise((resolve) => {
      const child = spawn('kubectl', args, {env, stdio: [stdin ? 'pipe' : 'ignore', jq ? 'pipe' : 'inherit', 'inherit']})
      child.stdin?.end(stdin)
      let out = ''
      child.stdout?.on('data', (chunk) => (out += chunk))
      child.on('close', (status) => {
        if (jq) process.stdout.write(`${JSON.stringify(jq(JSON.parse(out)), null, 2)}\n`)
        resolve(status ?? 1)
      })
    })
    if (code !== expectCode) {
      failures++
      process.stdout.write(`(unexpected exit code ${code}, expected ${expectCode})\n`)
    } else if (code !== 0) {
      process.stdout.write(`(exit code ${code}, as expected)\n`)
    }
  }
} finally {
  await sandbox.stop()
}
process.stdout.write(failures === 0 ? '\nDemo finished: every step behaved as expected.\n' : `\nDemo finished with ${failures} unexpected result(s).\n`)
process.exitCode = failures === 0 ? 0 : 1
