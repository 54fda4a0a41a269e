import {gzipSync} from 'node:zlib'
import {sortedEntries} from './archive-entry.js'
import type {ArchiveEntry} from './archive-entry.js'

const BLOCK = 512
/** gzip's header byte for the operating system: Unix, whichever system wrote the archive (zlib writes its own). */
const GZIP_OS_UNIX = 3

/** A right-aligned, NUL-terminated octal number of `width` bytes, as ustar headers store them. */
function octal(value: number, width: number): string {
  const digits = value.toString(8).padStart(width - 1, '0')
  if (digits.length > width - 1) throw new Error(`${value} does not fit a tar header field of ${width} bytes`)
  return `${digits}\0`
}

function ustarHeader(entry: ArchiveEntry, mtimeSeconds: number): Buffer {
  if (Buffer.byteLength(entry.name) > 100) throw new Error(`${entry.name}: names over 100 bytes need a ustar prefix, which this writer does not produce`)
  const header = Buffer.alloc(BLOCK)
  header.write(entry.name, 0)
  header.write(octal(entry.mode & 0o7777, 8), 100)
  header.write(octal(0, 8), 108) // uid root
  header.write(octal(0, 8), 116) // gid root
  header.write(octal(entry.data.byteLength, 12), 124)
  header.write(octal(mtimeSeconds, 12), 136)
  header.write(' '.repeat(8), 148) // the checksum is computed with its own field as spaces
  header.write('0', 156) // regular file
  header.write('ustar\0' + '00', 257)
  const checksum = header.reduce((sum, byte) => sum + byte, 0)
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148)
  return header
}

/**
 * A .tar.gz whose bytes depend only on the entries and `mtime`: names sorted, owner root (0/0, no
 * user names), the given modes and time, no gzip timestamp or file name. `tar` of two builds of the
 * same files gives the same sha256.
 */
export function tarGzArchive(entries: readonly ArchiveEntry[], mtime: Date): Buffer {
  const mtimeSeconds = Math.floor(mtime.getTime() / 1000)
  const blocks: Uint8Array[] = []
  for (const entry of sortedEntries(entries)) {
    blocks.push(ustarHeader(entry, mtimeSeconds), entry.data, Buffer.alloc((BLOCK - (entry.data.byteLength % BLOCK)) % BLOCK))
  }
  blocks.push(Buffer.alloc(2 * BLOCK)) // end of archive
  const gzip = gzipSync(Buffer.concat(blocks), {level: 9})
  gzip[9] = GZIP_OS_UNIX
  return gzip
}
