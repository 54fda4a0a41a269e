import type {Step} from './step.js'

/**
 * listr2's animated renderer, entirely on `stream` (eco.md 4.4: listr2 writes
 * to stdout unless its logger's ProcessOutput points both of its streams
 * elsewhere). listr2 picks its fallback renderer whenever process.stdout is
 * not a terminal (`-o json | jq` with progress on the terminal), so the
 * fallback is the same renderer with the same logger. Loaded on first use:
 * commands that never show progress do not pay for importing it.
 */
export async function runStepsWithListr(steps: Step[], stream: NodeJS.WriteStream): Promise<void> {
  const {Listr, ListrLogger, ProcessOutput} = await import('listr2')
  const logger = new ListrLogger({processOutput: new ProcessOutput(stream, stream)})
  const tasks = new Listr(
    steps.map((step) => ({
      title: step.title,
      task: async (_context: unknown, task: {output: string}) => {
        await step.run((message) => {
          task.output = message
        })
      },
    })),
    {
      concurrent: false,
      exitOnError: true,
      renderer: 'default',
      rendererOptions: {logger},
      fallbackRenderer: 'default',
      fallbackRendererOptions: {logger},
    },
  )
  await tasks.run()
}
