import {crc32, deflateRawSync} from 'node:zlib'
import {sortedEntries} from './archive-entry.js'
import type {ArchiveEntry} from './archive-entry.js'

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const VERSION_NEEDED = 20 // 2.0: deflate
const MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED // "Unix" makes unzip apply the mode in the external attributes
const DEFLATE = 8
const UTF8_NAMES = 0x0800
const REGULAR_FILE = 0o100000

/** MS-DOS date and time (2-second steps, from 1980), in UTC so that the time zone of the build never shows. */
function dosDateTime(mtime: Date): {date: number; time: number} {
  if (mtime.getUTCFullYear() < 1980) return {date: (1 << 5) | 1, time: 0} // 1980-01-01 00:00, the earliest a zip can say
  return {
    date: ((mtime.getUTCFullYear() - 1980) << 9) | ((mtime.getUTCMonth() + 1) << 5) | mtime.getUTCDate(),
    time: (mtime.getUTCHours() << 11) | (mtime.getUTCMinutes() << 5) | Math.floor(mtime.getUTCSeconds() / 2),
  }
}

interface DeflatedEntry {
  name: Buffer
  mode: number
  crc: number
  size: number
  deflated: Buffer
  offset: number
}

/** The fields a local header and its central directory record share, from "version needed" to the name length. */
function sharedFields(entry: DeflatedEntry, stamp: {date: number; time: number}): Buffer {
  const fields = Buffer.alloc(26)
  fields.writeUInt16LE(VERSION_NEEDED, 0)
  fields.writeUInt16LE(UTF8_NAMES, 2)
  fields.writeUInt16LE(DEFLATE, 4)
  fields.writeUInt16LE(stamp.time, 6)
  fields.writeUInt16LE(stamp.date, 8)
  fields.writeUInt32LE(entry.crc, 10)
  fields.writeUInt32LE(entry.deflated.byteLength, 14)
  fields.writeUInt32LE(entry.size, 18)
  fields.writeUInt16LE(entry.name.byteLength, 22)
  fields.writeUInt16LE(0, 24) // no extra fields: no extended timestamps, no uid/gid
  return fields
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32LE(value, 0)
  return bytes
}

function centralRecord(entry: DeflatedEntry, stamp: {date: number; time: number}): Buffer {
  const tail = Buffer.alloc(14) // comment length, disk number, internal attributes: 0
  tail.writeUInt32LE(((REGULAR_FILE | (entry.mode & 0o7777)) << 16) >>> 0, 6)
  tail.writeUInt32LE(entry.offset, 10)
  const madeBy = Buffer.alloc(2)
  madeBy.writeUInt16LE(MADE_BY_UNIX, 0)
  return Buffer.concat([uint32(CENTRAL_HEADER), madeBy, sharedFields(entry, stamp), tail, entry.name])
}

/**
 * A .zip whose bytes depend only on the entries and `mtime`: names sorted, deflate level 9, the
 * given Unix modes, one DOS time in UTC, no extra fields. No zip64: each file stays under 4 GiB.
 */
export function zipArchive(entries: readonly ArchiveEntry[], mtime: Date): Buffer {
  const stamp = dosDateTime(mtime)
  const parts: Buffer[] = []
  const deflatedEntries: DeflatedEntry[] = []
  let offset = 0
  for (const {name, data, mode} of sortedEntries(entries)) {
    const entry = {name: Buffer.from(name), mode, crc: crc32(data), size: data.byteLength, deflated: deflateRawSync(data, {level: 9}), offset}
    if (entry.size >= 0xffffffff) throw new Error(`${name}: 4 GiB and over needs zip64, which this writer does not produce`)
    const local = Buffer.concat([uint32(LOCAL_HEADER), sharedFields(entry, stamp), entry.name])
    parts.push(local, entry.deflated)
    offset += local.byteLength + entry.deflated.byteLength
    deflatedEntries.push(entry)
  }
  const central = Buffer.concat(deflatedEntries.map((entry) => centralRecord(entry, stamp)))
  const end = Buffer.alloc(22)
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0)
  end.writeUInt16LE(deflatedEntries.length, 8)
  end.writeUInt16LE(deflatedEntries.length, 10)
  end.writeUInt32LE(central.byteLength, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, central, end])
}
