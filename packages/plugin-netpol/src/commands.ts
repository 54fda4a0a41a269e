import Check from './commands/check.js'
import Matrix from './commands/matrix.js'

// The command table of this plugin (oclif "explicit" strategy): command id -> class.
export const COMMANDS = {check: Check, matrix: Matrix}
