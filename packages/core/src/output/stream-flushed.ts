/**
 * Resolves once everything written to the stream before the call has been handed to the OS.
 * process.exit() drops what a piped stdout still buffers (Node writes to pipes asynchronously),
 * so a large -o json followed by exit 3 would arrive cut off without this wait.
 */
export async function streamFlushed(stream: Pick<NodeJS.WritableStream, 'write'>): Promise<void> {
  // Write callbacks run in order: the callback of an empty write runs after every earlier chunk's.
  await new Promise<void>((resolve) => stream.write('', () => resolve()))
}
