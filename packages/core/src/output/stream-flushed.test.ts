import {Writable} from 'node:stream'
import {describe, expect, test} from 'vitest'
import {streamFlushed} from './stream-flushed.js'

/** A stream that takes a few milliseconds per chunk, as a pipe whose reader is slow. */
function slowStream(): {stream: Writable; written: () => string} {
  let written = ''
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, callback) {
      setTimeout(() => {
        written += chunk.toString()
        callback()
      }, 2)
    },
  })
  return {stream, written: () => written}
}

describe('streamFlushed', () => {
  test('resolves only after every chunk written before it has been consumed', async () => {
    const {stream, written} = slowStream()
    const chunks = Array.from({length: 20}, (_, index) => `chunk-${index};`)
    for (const chunk of chunks) stream.write(chunk)
    expect(written()).not.toBe(chunks.join('')) // still buffered
    await streamFlushed(stream)
    expect(written()).toBe(chunks.join(''))
  })

  test('resolves on a stream that already failed, rather than hanging', async () => {
    const {stream} = slowStream()
    stream.on('error', () => {})
    stream.destroy(new Error('EPIPE'))
    await expect(streamFlushed(stream)).resolves.toBeUndefined()
  })
})
