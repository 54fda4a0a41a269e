import {expect, test} from 'vitest'
import {decodeUtf8} from './decode-utf8.js'

test.each([
  {name: 'ASCII', bytes: [0x61, 0x0a], text: 'a\n'},
  {name: 'two-byte é', bytes: [0x63, 0x61, 0x66, 0xc3, 0xa9], text: 'café'},
  {name: 'CJK', bytes: [0xe6, 0x97, 0xa5], text: '日'},
  {name: 'BOM dropped', bytes: [0xef, 0xbb, 0xbf, 0x61], text: 'a'},
])('decodes $name', ({bytes, text}) => {
  expect(decodeUtf8(Uint8Array.from(bytes), 'f.yaml')).toBe(text)
})

test.each([
  {name: 'lone continuation byte', bytes: [0x61, 0x0a, 0x80], line: 2},
  {name: 'truncated sequence at the end', bytes: [0x61, 0x0a, 0x0a, 0xe6, 0x97], line: 3},
  {name: 'overlong encoding', bytes: [0xc0, 0xaf], line: 1},
  {name: 'latin-1 é', bytes: [0x0a, 0x0a, 0x0a, 0x63, 0xe9, 0x0a], line: 4},
])('reports the line of $name', ({bytes, line}) => {
  expect(() => decodeUtf8(Uint8Array.from(bytes), 'f.yaml')).toThrow(`f.yaml:${line}: not valid UTF-8 text`)
})
