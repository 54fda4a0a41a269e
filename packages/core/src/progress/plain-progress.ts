import {escapeTerminal} from '../output/escape-terminal.js'
import {paint} from '../output/color.js'
import type {Step} from './step.js'

/**
 * One line per event, in the words of listr2's verbose renderer
 * (`[STARTED]`, `[OUTPUT]`, `[COMPLETED]`, `[FAILED]`) so CI logs read the same
 * whichever renderer produced them; colour only on the tag, only when allowed.
 */
export async function runStepsPlain(steps: Step[], stream: NodeJS.WritableStream, color: boolean): Promise<void> {
  const styles = paint(color)
  const log = (tag: string, text: string) => stream.write(`${tag} ${escapeTerminal(text)}\n`)
  for (const step of steps) {
    log(styles.dim('[STARTED]'), step.title)
    try {
      await step.run((message) => log(styles.dim('[OUTPUT]'), `${step.title}: ${message}`))
    } catch (error) {
      log(styles.red('[FAILED]'), `${step.title}: ${error instanceof Error ? error.message : String(error)}`)
      throw error
    }
    log(styles.green('[COMPLETED]'), step.title)
  }
}
