import {CompletionCommand} from '@kubeline/core'
import Check from './commands/check.js'
import Diff from './commands/diff.js'
import Matrix from './commands/matrix.js'
import Run from './commands/run.js'
import Explain from './commands/explain.js'
import Lint from './commands/lint.js'
import Probe from './commands/probe.js'

// The command table of this plugin (oclif "explicit" strategy): command id -> class.
export const COMMANDS = {check: Check, diff: Diff, matrix: Matrix, run: Run, explain: Explain, lint: Lint, probe: Probe, completion: CompletionCommand}
