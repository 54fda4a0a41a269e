import {expect, test} from 'vitest'
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
