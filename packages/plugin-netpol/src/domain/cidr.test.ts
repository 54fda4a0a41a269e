// Parsing follows Go's net.ParseIP / net.ParseCIDR, which the API server's ipBlock validation uses.
import {describe, expect, test} from 'vitest'
import {cidrContains, isStrictSubnet, parseCidr, parseCidrOrProblem, parseIpAddress} from './cidr.js'

describe('parseIpAddress', () => {
  test.each([
    {text: '10.0.0.1', family: 4, value: 0x0a000001n},
    {text: '255.255.255.255', family: 4, value: 0xffffffffn},
    {text: '::1', family: 6, value: 1n},
    {text: '::', family: 6, value: 0n},
    {text: 'fd00::2', family: 6, value: 0xfd00n << 112n | 2n},
    {text: '2001:db8:0:0:0:0:0:1', family: 6, value: 0x20010db8n << 96n | 1n},
    {text: '::ffff:10.0.0.1', family: 6, value: 0xffffn << 32n | 0x0a000001n},
  ])('$text', ({text, family, value}) => expect(parseIpAddress(text)).toEqual({family, value}))

  test.each(['10.0.0', '10.0.0.256', '010.0.0.1', '10.0.0.1.2', '1:2:3:4:5:6:7:8:9', '1::2::3', 'fd00::g', '', 'example.com', '1:2:3:4:5:6:7::8'])(
    'rejects %j',
    (text) => expect(parseIpAddress(text)).toBeUndefined(),
  )
})

describe('parseCidr', () => {
  test.each([
    {text: '10.0.0.0/8', problem: undefined},
    {text: '10.1.2.3/8', problem: undefined},
    {text: '0.0.0.0/0', problem: undefined},
    {text: 'fd00::/64', problem: undefined},
    {text: '10.0.0.0', problem: 'missing prefix length'},
    {text: '10.0.0.0/33', problem: 'prefix length "33" must be 0..32'},
    {text: 'fd00::/129', problem: 'prefix length "129" must be 0..128'},
    {text: '10.0.0.0/-1', problem: 'prefix length "-1" must be 0..32'},
    {text: '10.0.0/8', problem: '"10.0.0" is not an IP address'},
  ])('$text', ({text, problem}) => {
    const parsed = parseCidrOrProblem(text)
    expect(typeof parsed === 'string' ? parsed : undefined).toBe(problem)
  })

  test('host bits are cleared, as net.ParseCIDR does', () => {
    expect(parseCidr('10.1.2.3/8')).toMatchObject({network: 0x0a000000n, prefixLength: 8, text: '10.1.2.3/8'})
  })

  test('throws INVALID_ARGUMENT naming the CIDR', () => {
    expect(() => parseCidr('10.0.0.0/40')).toThrow(expect.objectContaining({code: 'INVALID_ARGUMENT', message: 'invalid CIDR "10.0.0.0/40": prefix length "40" must be 0..32'}))
  })
})

describe('cidrContains / isStrictSubnet', () => {
  const ip = (text: string) => parseIpAddress(text) ?? {family: 4 as const, value: -1n}
  test.each([
    {cidr: '10.0.0.0/8', ip: '10.255.0.1', contains: true},
    {cidr: '10.0.0.0/8', ip: '11.0.0.1', contains: false},
    {cidr: '10.0.0.5/32', ip: '10.0.0.5', contains: true},
    {cidr: '10.0.0.5/32', ip: '10.0.0.6', contains: false},
    {cidr: '0.0.0.0/0', ip: '203.0.113.1', contains: true},
    {cidr: '0.0.0.0/0', ip: '::1', contains: false},
    {cidr: '::/0', ip: '10.0.0.1', contains: false},
    {cidr: 'fd00::/64', ip: 'fd00::1234', contains: true},
    {cidr: 'fd00::/64', ip: 'fd00:0:0:1::1', contains: false},
  ])('$cidr contains $ip: $contains', ({cidr, ip: address, contains}) => expect(cidrContains(parseCidr(cidr), ip(address))).toBe(contains))

  test.each([
    {inner: '10.1.0.0/16', outer: '10.0.0.0/8', strict: true},
    {inner: '10.0.0.0/8', outer: '10.0.0.0/8', strict: false},
    {inner: '11.0.0.0/16', outer: '10.0.0.0/8', strict: false},
    {inner: '10.0.0.0/7', outer: '10.0.0.0/8', strict: false},
    {inner: 'fd00::/64', outer: '10.0.0.0/8', strict: false},
  ])('$inner strict subnet of $outer: $strict', ({inner, outer, strict}) => expect(isStrictSubnet(parseCidr(inner), parseCidr(outer))).toBe(strict))
})
