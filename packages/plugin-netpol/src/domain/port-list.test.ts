import {describe, expect, test} from 'vitest'
import {parsePortSelection, parseProtocolList} from './port-list.js'

describe('parsePortSelection', () => {
  test.each([
    {text: '80', want: {declared: false, listed: [80]}},
    {text: '80, 5432', want: {declared: false, listed: [80, 5432]}},
    {text: 'declared', want: {declared: true, listed: []}},
    {text: 'declared,9090', want: {declared: true, listed: [9090]}},
    {text: '9090, declared ,8080', want: {declared: true, listed: [9090, 8080]}},
    {text: 'declared,declared', want: {declared: true, listed: []}},
    // A port listed twice is compared once: one table, one `traffic` entry.
    {text: '80,443,80', want: {declared: false, listed: [80, 443]}},
  ])('"$text"', ({text, want}) => {
    expect(parsePortSelection(text)).toEqual(want)
  })

  test.each([
    {text: 'http', code: 'INVALID_FLAG', message: 'invalid --port "http": must be an integer between 1 and 65535 or "declared"'},
    {text: 'Declared', code: 'INVALID_FLAG', message: 'invalid --port "Declared": must be an integer between 1 and 65535 or "declared"'},
    {text: 'declared,http', code: 'INVALID_FLAG', message: 'invalid --port "http": must be an integer between 1 and 65535 or "declared"'},
    {text: 'declared,', code: 'INVALID_FLAG', message: 'invalid --port "": must be an integer between 1 and 65535 or "declared"'},
    {text: 'declared,0', code: 'INVALID_ARGUMENT', message: 'invalid --port 0: must be an integer between 1 and 65535'},
    {text: '65536,declared', code: 'INVALID_ARGUMENT', message: 'invalid --port 65536: must be an integer between 1 and 65535'},
  ])('rejects "$text" naming the value', ({text, code, message}) => {
    expect(() => parsePortSelection(text)).toThrow(expect.objectContaining({code, message}))
  })
})

describe('parseProtocolList', () => {
  test.each([
    {text: 'TCP', want: ['TCP']},
    {text: 'udp, TCP,sctp', want: ['UDP', 'TCP', 'SCTP']},
    {text: 'tcp,TCP,udp', want: ['TCP', 'UDP']},
  ])('"$text"', ({text, want}) => {
    expect(parseProtocolList(text)).toEqual(want)
  })
})
