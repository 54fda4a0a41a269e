/**
 * The few DER (ASN.1 Distinguished Encoding Rules) constructs an X.509 certificate needs,
 * so the sandbox can issue its own certificates with node:crypto alone (ITU-T X.690).
 */
export type Der = Buffer

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length])
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest >>>= 8) bytes.unshift(rest & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

export function tagged(tag: number, content: Buffer): Der {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content])
}

export function sequence(...items: Der[]): Der {
  return tagged(0x30, Buffer.concat(items))
}

export function set(...items: Der[]): Der {
  return tagged(0x31, Buffer.concat(items))
}

/** A non-negative INTEGER from big-endian bytes (a leading zero keeps it positive). */
export function integer(bytes: Buffer): Der {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const trimmed = bytes.subarray(start)
  return tagged(0x02, trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed)
}

export function smallInteger(value: number): Der {
  return integer(Buffer.from([value]))
}

export function boolean(value: boolean): Der {
  return tagged(0x01, Buffer.from([value ? 0xff : 0]))
}

export function objectIdentifier(dotted: string): Der {
  const [first, second, ...rest] = dotted.split('.').map(Number)
  const bytes = [first! * 40 + second!]
  for (const arc of rest) {
    const chunk = [arc & 0x7f]
    for (let value = arc >>> 7; value > 0; value >>>= 7) chunk.unshift(0x80 | (value & 0x7f))
    bytes.push(...chunk)
  }
  return tagged(0x06, Buffer.from(bytes))
}

export function utf8String(text: string): Der {
  return tagged(0x0c, Buffer.from(text, 'utf8'))
}

export function octetString(content: Buffer): Der {
  return tagged(0x04, content)
}

export function bitString(content: Buffer): Der {
  return tagged(0x03, Buffer.concat([Buffer.from([0]), content]))
}

/** UTCTime (YYMMDDHHMMSSZ) for years before 2050, GeneralizedTime after, as RFC 5280 requires. */
export function time(date: Date): Der {
  const iso = date.toISOString()
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '') + 'Z'
  return date.getUTCFullYear() < 2050 ? tagged(0x17, Buffer.from(digits.slice(2))) : tagged(0x18, Buffer.from(digits))
}

/** A context-specific tag: [n] EXPLICIT wraps a whole value, [n] IMPLICIT replaces a primitive's tag. */
export function explicit(tagNumber: number, content: Der): Der {
  return tagged(0xa0 | tagNumber, content)
}

export function implicitPrimitive(tagNumber: number, content: Buffer): Der {
  return tagged(0x80 | tagNumber, content)
}
