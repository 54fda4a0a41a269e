import {parseArgs} from 'node:util'
import {KubelineError} from '@kubeline/core'
import {startSandbox} from './sandbox/start-sandbox.js'

const USAGE = `usage: kubeline-sandbox serve [--fixture demo|scale:...|DIR] [--port N] [--write-kubeconfig PATH] [--time-scale X]`

/**
 * `kubeline-sandbox serve`: starts the sandbox, prints exactly one line `ready https://127.0.0.1:PORT`
 * on stdout once it accepts connections, and stops cleanly on SIGTERM or SIGINT. Resolves to the exit code.
 */
export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        fixture: {type: 'string'},
        port: {type: 'string'},
        'write-kubeconfig': {type: 'string'},
        'time-scale': {type: 'string'},
        help: {type: 'boolean', short: 'h'},
      },
    })
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1 || positionals[0] !== 'serve') {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const port = numberFlag('--port', values.port)
  const timeScale = numberFlag('--time-scale', values['time-scale'])
  if (Number.isNaN(port) || Number.isNaN(timeScale)) return 2
  try {
    const sandbox = await startSandbox({fixture: values.fixture, port, timeScale, kubeconfigPath: values['write-kubeconfig']})
    process.stdout.write(`ready ${sandbox.url}\n`)
    process.stderr.write(`kubeconfig: ${sandbox.kubeconfigPath}\n`)
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'))
      process.once('SIGINT', () => resolve('SIGINT'))
    })
    process.stderr.write(`${signal}: stopping\n`)
    await sandbox.stop()
    return 0
  } catch (error) {
    process.stderr.write(`kubeline-sandbox: ${error instanceof Error ? error.message : String(error)}\n`)
    return error instanceof KubelineError ? error.exitCode : 1
  }
}

/** undefined when not given, NaN (after printing why) when not a number. */
function numberFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (text.trim() === '' || Number.isNaN(value) || value < 0) {
    process.stderr.write(`invalid ${flag} "${text}": expected a non-negative number\n`)
    return Number.NaN
  }
  return value
}
