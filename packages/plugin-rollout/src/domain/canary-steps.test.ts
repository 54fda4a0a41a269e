import {describe, expect, test} from 'vitest'
import {formatPause, parsePause, parseSteps} from './canary-steps.js'

describe('parseSteps', () => {
  test.each([
    {text: '10,25,50,100', want: [10, 25, 50, 100]},
    {text: '10,25,50', want: [10, 25, 50, 100]},
    {text: '100', want: [100]},
    {text: '1', want: [1, 100]},
    {text: '0,50', want: [0, 50, 100]},
    {text: ' 5 , 20 ,99 ', want: [5, 20, 99, 100]},
    {text: '33,66,100', want: [33, 66, 100]},
  ])('$text', ({text, want}) => expect(parseSteps(text)).toEqual(want))

  test.each([
    {text: '', message: /invalid --steps "": expected comma-separated weights/},
    {text: '10,,50', message: /expected comma-separated weights/},
    {text: '10,', message: /expected comma-separated weights/},
    {text: '10,101', message: /weight 101 is outside 0-100/},
    {text: '-5,10', message: /"-5" is not a whole percentage/},
    {text: '12.5,50', message: /"12.5" is not a whole percentage/},
    {text: '50,25', message: /weights must increase, but 25 follows 50/},
    {text: '10,10,20', message: /weights must increase, but 10 follows 10/},
    {text: 'ten', message: /"ten" is not a whole percentage/},
    {text: '100,100', message: /but 100 follows 100/},
  ])('rejects "$text"', ({text, message}) => {
    expect(() => parseSteps(text)).toThrow(message)
    expect(() => parseSteps(text)).toThrow(expect.objectContaining({code: 'INVALID_FLAG', exitCode: 2}))
  })
})

describe('parsePause', () => {
  test.each([
    {text: 'manual', want: {kind: 'manual'}},
    {text: '5m', want: {kind: 'duration', ms: 300_000}},
    {text: '1h30m', want: {kind: 'duration', ms: 5_400_000}},
    {text: '30', want: {kind: 'duration', ms: 30_000}},
    {text: '0', want: {kind: 'duration', ms: 0}},
    {text: '1.5s', want: {kind: 'duration', ms: 1500}},
  ])('$text', ({text, want}) => expect(parsePause(text)).toEqual(want))

  test.each([
    {text: 'forever', message: /invalid --pause "forever"/},
    {text: '-1m', message: /invalid --pause "-1m": must not be negative/},
    {text: '5x', message: /unknown unit "x"/},
    {text: 'Manual', message: /invalid --pause "Manual"/},
  ])('rejects "$text"', ({text, message}) => expect(() => parsePause(text)).toThrow(message))

  test.each(['manual', '5m', '30', '0', '250ms'])('formatPause(parsePause(%s)) round-trips', (text) => {
    const pause = parsePause(text)
    expect(parsePause(formatPause(pause))).toEqual(pause)
  })
})
