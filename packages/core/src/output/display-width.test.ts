import {expect, test, vi} from 'vitest'
import {displayWidth} from './display-width.js'

test.each([
  {text: '', width: 0},
  {text: 'web-7d4b', width: 8},
  {text: 'café', width: 4},
  {text: 'cafe\u0301', width: 4}, // combining acute accent
  {text: '日本語', width: 6},
  {text: '한국어', width: 6},
  {text: 'ｗｉｄｅ', width: 8}, // fullwidth Latin
  {text: 'ok ✅', width: 5},
  {text: '👩‍👩‍👧', width: 2}, // one ZWJ sequence
  {text: 'a\u200bb', width: 2}, // zero-width space
])('"$text" is $width columns', ({text, width}) => {
  expect(displayWidth(text)).toBe(width)
})

test('the grapheme segmenter is made on the first non-ASCII text, not at import, and once', async () => {
  vi.resetModules()
  const segmenter = vi.spyOn(Intl, 'Segmenter')
  try {
    const fresh = await import('./display-width.js')
    expect(fresh.displayWidth('payments')).toBe(8)
    expect(segmenter).not.toHaveBeenCalled()
    expect(fresh.displayWidth('日本語') + fresh.displayWidth('café')).toBe(10)
    expect(segmenter).toHaveBeenCalledTimes(1)
  } finally {
    segmenter.mockRestore()
  }
})
