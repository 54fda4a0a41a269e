import {describe, expect, test} from 'vitest'
import {stripAuthenticode, writePeChecksum} from './strip-authenticode.js'

const PE_OFFSET = 0x80
const OPTIONAL = PE_OFFSET + 24

/**
 * A skeleton PE of 0x400 bytes, zeros but for the headers read here, signed by a fake certificate
 * table in its last 0x100 bytes. Its words sum to 0x5a4d (MZ) + 0x80 (e_lfanew) + 0x4550 (PE)
 * + the magic + 16 (directories) + the certificate entry, which makes checksums easy to check by hand.
 */
function signedPe(magic: 0x20b | 0x10b): Buffer {
  const exe = Buffer.alloc(0x400)
  exe.write('MZ', 0, 'latin1')
  exe.writeUInt32LE(PE_OFFSET, 0x3c)
  exe.write('PE\0\0', PE_OFFSET, 'latin1')
  exe.writeUInt16LE(magic, OPTIONAL)
  const directories = magic === 0x20b ? OPTIONAL + 112 : OPTIONAL + 96
  exe.writeUInt32LE(16, directories - 4)
  exe.writeUInt32LE(0x300, directories + 4 * 8)
  exe.writeUInt32LE(0x100, directories + 4 * 8 + 4)
  exe.fill(0xab, 0x300)
  return exe
}

describe('stripAuthenticode', () => {
  // The checksum: the words of the headers (the certificate entry now zero) plus the new length, 0x300.
  test.each([
    {format: 'PE32+ (x64)', magic: 0x20b, certificateEntry: OPTIONAL + 112 + 32, checksum: 0x5a4d + 0x80 + 0x4550 + 0x20b + 16 + 0x300},
    {format: 'PE32', magic: 0x10b, certificateEntry: OPTIONAL + 96 + 32, checksum: 0x5a4d + 0x80 + 0x4550 + 0x10b + 16 + 0x300},
  ] as const)('$format: cuts the certificate table, clears its directory entry, rewrites the checksum', ({magic, certificateEntry, checksum}) => {
    const stripped = stripAuthenticode(signedPe(magic))
    expect(stripped.byteLength).toBe(0x300)
    expect(stripped.readBigUInt64LE(certificateEntry)).toBe(0n)
    expect(stripped.readUInt32LE(OPTIONAL + 64)).toBe(checksum)
  })

  test('an unsigned executable is returned as it is', () => {
    const unsigned = stripAuthenticode(signedPe(0x20b))
    expect(stripAuthenticode(unsigned)).toBe(unsigned)
  })

  test('a certificate table that is not the end of the file is left alone, with an error', () => {
    expect(() => stripAuthenticode(Buffer.concat([signedPe(0x20b), Buffer.alloc(8)]))).toThrow(/not at the end of the file/)
  })

  test.each([
    {name: 'no MZ header', exe: Buffer.alloc(0x400), message: /no MZ header/},
    {name: 'an ELF file', exe: Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(0x400)]), message: /no MZ header/},
    {name: 'no PE signature', exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x400)]), message: /no PE signature/},
  ])('refuses $name', ({exe, message}) => {
    expect(() => stripAuthenticode(exe)).toThrow(message)
  })
})

test('writePeChecksum: an odd length counts the last byte as a low byte', () => {
  const exe = Buffer.concat([stripAuthenticode(signedPe(0x20b)), Buffer.from([0x07])])
  expect(writePeChecksum(exe).readUInt32LE(OPTIONAL + 64)).toBe(0x5a4d + 0x80 + 0x4550 + 0x20b + 16 + 0x07 + 0x301)
})
