// One size of the netpol-test engine benchmark, run by scripts/bench.js in a child process of
// its own so that its peak RSS can be measured: `node scripts/bench-netpol-engine.js SPEC`, SPEC as
// in the sandbox's scale fixtures (`namespaces=200,pods=10000,policies=2000`). Prints one JSON line.
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {generateScaleFixture, parseScaleSpec} = await import(path.join(root, 'packages/sandbox/dist/fixtures/index.js'))
const {compileCluster, connectivityMatrix, evaluateTraffic} = await import(path.join(root, 'packages/plugin-netpol/dist/index.js'))

const objects = generateScaleFixture(parseScaleSpec(process.argv[2]))
const ofKind = (kind) => objects.filter((object) => object.kind === kind)
const state = {namespaces: ofKind('Namespace'), pods: ofKind('Pod'), networkPolicies: ofKind('NetworkPolicy')}

const elapsed = (run) => {
  const started = performance.now()
  const result = run()
  return [result, performance.now() - started]
}
const [compiled, compileMs] = elapsed(() => compileCluster(state))
const [[matrix], matrixMs] = elapsed(() => connectivityMatrix(compiled, {ports: [8080], protocols: ['TCP']}))
const [first, last] = [state.pods[0], state.pods.at(-1)]
const [, checkMs] = elapsed(() => evaluateTraffic(compiled, {source: first.metadata, destination: last.metadata, port: 8080, protocol: 'TCP'}))
process.stdout.write(JSON.stringify({
  pods: state.pods.length,
  policies: state.networkPolicies.length,
  classes: matrix?.classCount ?? 0,
  compileMs: Math.round(compileMs),
  matrixMs: Math.round(matrixMs),
  checkMs: Number(checkMs.toFixed(2)),
}) + '\n')
