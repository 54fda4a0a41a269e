/** Pages whose first one is already on its way; `cancel` aborts it and drops its failure, if nobody reads them. */
export interface ReadAhead<T> {
  pages: AsyncIterable<T>
  cancel: () => void
}

/**
 * Start a paginated read now, to be consumed (or cancelled) once it is known whether it is needed: one
 * round trip instead of two when it is. The first page's failure is kept for the reader, not reported
 * as unhandled.
 */
export function readAhead<T>(start: (signal: AbortSignal) => AsyncIterator<T>): ReadAhead<T> {
  const controller = new AbortController()
  const iterator = start(controller.signal)
  const first = iterator.next()
  first.catch(() => undefined)
  async function* pages(): AsyncGenerator<T> {
    for (let result = await first; !result.done; result = await iterator.next()) yield result.value
  }
  return {pages: pages(), cancel: () => controller.abort()}
}
