import {throwInvalidManifest} from './invalid-manifest.js'

const UTF8_FIX = 'Save the file as UTF-8, for example with `iconv -t UTF-8`.'

/**
 * Decodes manifest bytes as strict UTF-8 (a leading BOM is dropped). Invalid
 * bytes are an error naming the first bad line, never U+FFFD replacement
 * characters that would end up in object names.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    const problem = isUtf16(bytes) ? 'UTF-16 text is not supported, only UTF-8' : 'not valid UTF-8 text'
    throwInvalidManifest(`${file}:${firstInvalidLine(bytes)}`, problem, UTF8_FIX)
  }
}

/** A UTF-8 sequence never contains a newline byte, so each line can be checked alone. */
function firstInvalidLine(bytes: Uint8Array): number {
  const lineDecoder = new TextDecoder('utf-8', {fatal: true})
  let start = 0
  for (let line = 1; start <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start)
    const end = newline === -1 ? bytes.length : newline
    try {
      lineDecoder.decode(bytes.subarray(start, end))
    } catch {
      return line
    }
    start = end + 1
  }
  return 1
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
}
