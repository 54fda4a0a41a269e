import {execFile, spawn} from 'node:child_process'
import {realpathSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {execFileSync} from 'node:child_process'

export interface KubectlResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * The versioned kubectl shipped beside the default one. kubectl 1.32 sends typed creates
 * (`create namespace`, `create job --from`) as protobuf, which the sandbox refuses; 1.31 sends JSON.
 */
export function kubectlBinary(version?: string): string {
  if (!version) return 'kubectl'
  const defaultKubectl = realpathSync(execFileSync('sh', ['-c', 'command -v kubectl'], {encoding: 'utf8'}).trim())
  return join(dirname(defaultKubectl), `kubectl.${version}`)
}

export function runKubectl(kubeconfig: string, args: string[], options: {version?: string; input?: string} = {}): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile(kubectlBinary(options.version), ['--kubeconfig', kubeconfig, ...args], {env: cleanEnv(), timeout: 15_000}, (error, stdout, stderr) => {
      resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr})
    })
    if (options.input !== undefined) child.stdin?.end(options.input)
  })
}

/** A long-running kubectl (get -w, logs -f) whose output a test reads as it comes. */
export function spawnKubectl(kubeconfig: string, args: string[]) {
  const child = spawn(kubectlBinary(), ['--kubeconfig', kubeconfig, ...args], {env: cleanEnv()})
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  return {child, output: () => stdout}
}

/** No KUBECONFIG from the developer's shell, and a private cache directory. */
function cleanEnv(): NodeJS.ProcessEnv {
  const {KUBECONFIG: _ignored, ...env} = process.env
  return env
}
