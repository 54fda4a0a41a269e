import type {Hook} from '@oclif/core'
import {unknownCommand} from '@kubeline/core'

/** `kubectl cron-trigger NAME ...` with NAME not a command word is `now NAME ...`; `help CMD` is CMD's help. */
const nameMeansNow: Hook.CommandNotFound = async function (options) {
  const words = options.id.split(':')
  if (words[0] === 'help') return await unknownCommand.call(this, options)
  return await options.config.runCommand('now', [...words, ...(options.argv ?? [])])
}

export default nameMeansNow
