import {describe, expect, test} from 'vitest'
import {readAhead} from './read-ahead.js'

/** An iterator over `pages` that records when each page is asked for and which signal it was given. */
function recordingPages(pages: string[], failAt?: number) {
  const asked: number[] = []
  let signal: AbortSignal | undefined
  const start = (given: AbortSignal): AsyncIterator<string> => {
    signal = given
    let index = 0
    return {
      next: async () => {
        asked.push(index)
        if (index === failAt) throw new Error(`page ${index} failed`)
        return index < pages.length ? {done: false, value: pages[index++]!} : {done: true, value: undefined}
      },
    }
  }
  return {start, asked, signal: () => signal}
}

async function collect(pages: AsyncIterable<string>): Promise<string[]> {
  const seen: string[] = []
  for await (const page of pages) seen.push(page)
  return seen
}

describe('readAhead', () => {
  test('asks for the first page at once, before anyone reads', () => {
    const source = recordingPages(['a', 'b'])
    readAhead(source.start)
    expect(source.asked).toEqual([0])
  })

  test('the reader gets every page in order, the first one not asked for twice', async () => {
    const source = recordingPages(['a', 'b', 'c'])
    const ahead = readAhead(source.start)
    expect(await collect(ahead.pages)).toEqual(['a', 'b', 'c'])
    expect(source.asked).toEqual([0, 1, 2, 3])
  })

  test('a failed first page reaches the reader', async () => {
    const ahead = readAhead(recordingPages(['a'], 0).start)
    await expect(collect(ahead.pages)).rejects.toThrow('page 0 failed')
  })

  test('a failed first page nobody reads is not an unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    try {
      readAhead(recordingPages(['a'], 0).start).cancel()
      await new Promise((resolve) => setImmediate(resolve))
    } finally {
      process.off('unhandledRejection', record)
    }
    expect(unhandled).toEqual([])
  })

  test('cancel aborts the signal the read was started with', () => {
    const source = recordingPages(['a'])
    const ahead = readAhead(source.start)
    expect(source.signal()?.aborted).toBe(false)
    ahead.cancel()
    expect(source.signal()?.aborted).toBe(true)
  })
})
