import {colorEnabled} from '../output/color.js'
import {runStepsWithListr} from './listr-progress.js'
import {runStepsPlain} from './plain-progress.js'
import type {ProgressMode, Step} from './step.js'

export interface RunStepsOptions {
  mode: ProgressMode
  /** Where progress goes; defaults to `process.stderr`. Never stdout: that is for data. */
  stream?: NodeJS.WriteStream
  /** Read for the colour rules of `plain`; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv
}

/**
 * Runs steps one after another, showing progress on stderr as the mode says.
 * A failing step stops the rest and its error is rethrown unchanged, so the
 * command's error handling sees the original `KubelineError`.
 */
export async function runSteps(steps: Step[], options: RunStepsOptions): Promise<void> {
  const stream = options.stream ?? process.stderr
  if (options.mode === 'plain') return runStepsPlain(steps, stream, colorEnabled(stream, options.env ?? process.env))
  if (options.mode === 'auto' && stream.isTTY === true) return runStepsWithListr(steps, stream)
  for (const step of steps) await step.run(ignoreUpdate)
}

function ignoreUpdate(): void {}
