import type {Hook} from '@oclif/core'

/** `kubectl cron-trigger NAME ...` with NAME not a command word is `now NAME ...`. */
const nameMeansNow: Hook.CommandNotFound = async function (options) {
  const words = options.id.split(':')
  return await options.config.runCommand('now', [...words, ...(options.argv ?? [])])
}

export default nameMeansNow
