const CERTIFICATE_TABLE = 4 // index of the "Certificate Table" (security) data directory

interface PeLayout {
  /** File offset of the optional header's CheckSum field. */
  checksum: number
  /** File offset of the data directories, and how many there are. */
  directories: number
  directoryCount: number
}

function peLayout(exe: Buffer): PeLayout {
  if (exe.toString('latin1', 0, 2) !== 'MZ') throw new Error('not a PE file: no MZ header')
  const pe = exe.readUInt32LE(0x3c)
  if (exe.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('not a PE file: no PE signature')
  const optional = pe + 24
  const magic = exe.readUInt16LE(optional)
  if (magic === 0x20b) return {checksum: optional + 64, directories: optional + 112, directoryCount: exe.readUInt32LE(optional + 108)} // PE32+
  if (magic === 0x10b) return {checksum: optional + 64, directories: optional + 96, directoryCount: exe.readUInt32LE(optional + 92)} // PE32
  throw new Error(`not a PE file: optional header magic 0x${magic.toString(16)}`)
}

/**
 * Writes the PE image checksum (the 16-bit one's-complement sum of the file, CheckSum field
 * left out, plus the file length), which any change to the file makes stale. Windows checks it
 * only for drivers and boot DLLs; tools that inspect a signed-looking file read it.
 */
export function writePeChecksum(exe: Buffer): Buffer {
  const {checksum} = peLayout(exe)
  let sum = 0
  for (let offset = 0; offset < exe.byteLength; offset += 2) {
    if (offset === checksum || offset === checksum + 2) continue
    sum += offset + 1 < exe.byteLength ? exe.readUInt16LE(offset) : (exe[offset] ?? 0)
    sum = (sum & 0xffff) + (sum >>> 16)
  }
  exe.writeUInt32LE((sum + exe.byteLength) >>> 0, checksum)
  return exe
}

/**
 * The executable without its Authenticode signature (what `signtool remove /s` and `osslsigncode remove-signature` do): Node's
 * Windows binary is signed, and injecting the SEA blob would leave a signature that no longer
 * matches. The certificate table must be the end of the file, as signing tools put it.
 */
export function stripAuthenticode(exe: Buffer): Buffer {
  const layout = peLayout(exe)
  if (layout.directoryCount <= CERTIFICATE_TABLE) return exe
  const entry = layout.directories + CERTIFICATE_TABLE * 8
  const start = exe.readUInt32LE(entry) // a file offset, unlike the other directories' RVAs
  const size = exe.readUInt32LE(entry + 4)
  if (size === 0) return exe
  if (start + size !== exe.byteLength) throw new Error('the certificate table is not at the end of the file: not stripping it')
  const stripped = Buffer.from(exe.subarray(0, start))
  stripped.fill(0, entry, entry + 8)
  return writePeChecksum(stripped)
}
