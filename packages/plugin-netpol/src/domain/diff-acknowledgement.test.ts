import {describe, expect, test} from 'vitest'
import type {ConnectionChange} from './connectivity-diff.js'
import {acknowledges, parseAcknowledgement, parseAcknowledgementFile} from './diff-acknowledgement.js'

const denied: ConnectionChange = {change: 'newly-denied', from: 'shop/deployment/web', to: 'shop/statefulset/db', port: 5432, protocol: 'TCP', podPairs: 3}

describe('acknowledges', () => {
  test.each([
    {ack: 'shop/deployment/web->shop/statefulset/db', want: true},
    {ack: 'shop/deployment/web->shop/statefulset/db:5432', want: true},
    {ack: 'shop/deployment/web->shop/statefulset/db:5432/TCP', want: true},
    {ack: 'shop/deployment/web->shop/statefulset/db:5432/tcp', want: true},
    {ack: 'shop/*->shop/*', want: true},
    {ack: '*->*', want: true},
    {ack: '*/deployment/web->*:5432', want: true},
    {ack: 'shop/deployment/web->shop/statefulset/db:5433', want: false},
    {ack: 'shop/deployment/web->shop/statefulset/db:5432/UDP', want: false},
    {ack: 'shop/statefulset/db->shop/deployment/web', want: false},
    {ack: 'shop/deployment/we->shop/statefulset/db', want: false},
    {ack: 'shop->shop/statefulset/db', want: false},
    {ack: 'shop/deployment.web->shop/statefulset/db', want: false},
  ])('$ack: $want', ({ack, want}) => {
    expect(acknowledges(parseAcknowledgement(ack, '--ack'), denied)).toBe(want)
  })
})

describe('parseAcknowledgement', () => {
  test.each([
    {ack: 'shop/web', problem: 'expected FROM->TO[:PORT[/PROTOCOL]]'},
    {ack: 'a->b->c', problem: '"b->c" is not a row name or pattern'},
    {ack: 'Shop/web->x', problem: '"Shop/web" is not a row name or pattern'},
    {ack: 'a->b:http', problem: 'port "http" is not a number'},
    {ack: 'a->b:0', problem: 'invalid port 0: must be an integer between 1 and 65535'},
    {ack: 'a->b:80/ICMP', problem: 'unknown protocol "ICMP"'},
    {ack: '', problem: 'expected FROM->TO'},
  ])('"$ack" is rejected: $problem', ({ack, problem}) => {
    expect(() => parseAcknowledgement(ack, '--ack')).toThrow(expect.objectContaining({code: 'INVALID_ARGUMENT', message: expect.stringContaining(`--ack: invalid acknowledgement "${ack}": ${problem}`)}))
  })
})

describe('parseAcknowledgementFile', () => {
  test('one per line; comments and blank lines are skipped; errors name the line', () => {
    const file = ['# accepted by the payments team', '', 'shop/deployment/web->shop/*:5432   # JIRA-123', '  *->shop/legacy  ', 'x/a#b->c'].join('\n')
    expect(parseAcknowledgementFile(file.split('\n').slice(0, 4).join('\n'), 'acks.txt').map((ack) => ack.text)).toEqual(['shop/deployment/web->shop/*:5432', '*->shop/legacy'])
    expect(() => parseAcknowledgementFile(file, 'acks.txt')).toThrow('acks.txt:5: invalid acknowledgement "x/a#b->c"')
  })
})
