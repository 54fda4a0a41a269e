import {describe, expect, test} from 'vitest'
import {HOUR_BOUNDS, MINUTE_BOUNDS, parseField} from './schedule-fields.js'

describe('parseField', () => {
  test('a field text already parsed for the same bounds is the same (immutable) field', () => {
    const first = parseField('*/15', MINUTE_BOUNDS)
    expect(first).toEqual({values: [0, 15, 30, 45], allowed: expect.any(Array), star: false})
    expect(parseField('*/15', MINUTE_BOUNDS)).toBe(first)
    expect(parseField('*/15', HOUR_BOUNDS)).toEqual({values: [0, 15], allowed: expect.any(Array), star: false})
  })

  test('an invalid field throws every time, not only the first', () => {
    expect(() => parseField('61', MINUTE_BOUNDS)).toThrow('end of range (61) above maximum (59): 61')
    expect(() => parseField('61', MINUTE_BOUNDS)).toThrow('end of range (61) above maximum (59): 61')
  })
})
