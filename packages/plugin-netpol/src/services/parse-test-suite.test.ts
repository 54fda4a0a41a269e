import type {KubeObject, SourcedObject} from '@kubeline/core'
import {describe, expect, test} from 'vitest'
import {parseTestSuite} from './parse-test-suite.js'

const suite = (spec: unknown, extra: Record<string, unknown> = {}): SourcedObject => ({
  object: {apiVersion: 'kubeline.dev/v1alpha1', kind: 'NetpolTestSuite', metadata: {name: 'shop'}, spec, ...extra} as KubeObject,
  source: {file: 'tests.yaml', document: 0, line: 1},
})
const web = {name: 'web to db', from: 'shop/deploy/web', to: 'shop/db-0', port: 5432, expect: 'allow'}

describe('parseTestSuite', () => {
  test('a case: endpoints parsed as check parses them, protocol defaults to TCP', () => {
    expect(parseTestSuite(suite({cases: [web]}))).toEqual({
      name: 'shop',
      source: 'tests.yaml:1',
      cases: [
        {
          name: 'web to db',
          from: 'shop/deploy/web',
          to: 'shop/db-0',
          fromSpec: {kind: 'workload', namespace: 'shop', workload: 'deployment', name: 'web'},
          toSpec: {kind: 'pod', namespace: 'shop', name: 'db-0'},
          port: 5432,
          protocol: 'TCP',
          expect: 'allow',
        },
      ],
    })
  })

  test('a case without a name is named after its connection; protocol is case-insensitive; the suite is named after its file without metadata.name', () => {
    const parsed = parseTestSuite({...suite({cases: [{from: 'ip:10.0.0.1', to: 'shop/db-0', port: 53, protocol: 'udp', expect: 'deny'}]}, {metadata: {}})})
    expect(parsed.name).toBe('tests.yaml')
    expect(parsed.cases[0]).toMatchObject({name: 'ip:10.0.0.1 -> shop/db-0 UDP/53', protocol: 'UDP', fromSpec: {kind: 'ip', ip: '10.0.0.1'}, expect: 'deny'})
  })

  test.each([
    {name: 'another kind', object: suite({cases: [web]}, {kind: 'NetpolSuite'}), message: 'tests.yaml:1: kind: expected apiVersion kubeline.dev/v1alpha1, kind NetpolTestSuite; got kubeline.dev/v1alpha1, NetpolSuite'},
    {name: 'another apiVersion', object: suite({cases: [web]}, {apiVersion: 'v1'}), message: 'tests.yaml:1: kind: expected apiVersion kubeline.dev/v1alpha1, kind NetpolTestSuite; got v1, NetpolTestSuite'},
    {name: 'an unknown top-level field', object: suite({cases: [web]}, {status: {}}), message: 'tests.yaml:1: status: unknown field; expected one of apiVersion, kind, metadata, spec'},
    {name: 'no spec', object: suite(undefined), message: 'tests.yaml:1: spec: must be a mapping with cases'},
    {name: 'an unknown spec field', object: suite({cases: [web], defaults: {}}), message: 'tests.yaml:1: spec.defaults: unknown field; expected one of cases'},
    {name: 'no cases', object: suite({cases: []}), message: 'tests.yaml:1: spec.cases: must be a non-empty list of cases'},
    {name: 'a case that is not a mapping', object: suite({cases: ['x/a -> x/b']}), message: 'tests.yaml:1: spec.cases[0]: must be a mapping with from, to, port and expect, got "x/a -> x/b"'},
    {name: 'a typo in a field', object: suite({cases: [web, {...web, expected: 'deny'}]}), message: 'tests.yaml:1: spec.cases[1] ("web to db"): expected: unknown field; expected one of name, from, to, port, protocol, expect'},
    {name: 'a missing field', object: suite({cases: [{from: 'x/a', to: 'x/b', port: 80}]}), message: 'tests.yaml:1: spec.cases[0]: expect: is required'},
    {name: 'an empty name', object: suite({cases: [{...web, name: ' '}]}), message: 'spec.cases[0]: name: must be a non-empty string, got " "'},
    {name: 'an unknown expect value', object: suite({cases: [{...web, expect: 'allowed'}]}), message: 'spec.cases[0] ("web to db"): expect: must be allow or deny, got "allowed"'},
    {name: 'expect in capitals', object: suite({cases: [{...web, expect: 'ALLOW'}]}), message: 'expect: must be allow or deny, got "ALLOW"'},
    {name: 'a named port', object: suite({cases: [{...web, port: 'postgres'}]}), message: 'spec.cases[0] ("web to db"): port: must be an integer between 1 and 65535, got "postgres"'},
    {name: 'a port out of range', object: suite({cases: [{...web, port: 65536}]}), message: 'port: must be an integer between 1 and 65535, got 65536'},
    {name: 'a fractional port', object: suite({cases: [{...web, port: 80.5}]}), message: 'port: must be an integer between 1 and 65535, got 80.5'},
    {name: 'an unknown protocol', object: suite({cases: [{...web, protocol: 'ICMP'}]}), message: 'protocol: must be TCP, UDP or SCTP, got "ICMP"'},
    {name: 'a bad source', object: suite({cases: [{...web, from: 'Shop/web'}]}), message: 'tests.yaml:1: spec.cases[0] ("web to db"): invalid from "Shop/web": "Shop" is not a valid name'},
    {name: 'a bad destination kind', object: suite({cases: [{...web, to: 'shop/service/db'}]}), message: 'spec.cases[0] ("web to db"): invalid to "shop/service/db": expected ns/pod, ns/<workload kind>/name or ip:ADDRESS'},
    {name: 'a destination that is not text', object: suite({cases: [{...web, to: ['shop/db']}]}), message: 'to: must be a string (ns/pod, ns/deployment/name or ip:ADDRESS), got a list'},
  ])('$name: INVALID_MANIFEST naming the file, the case and the field', ({object, message}) => {
    expect(() => parseTestSuite(object)).toThrow(expect.objectContaining({code: 'INVALID_MANIFEST', message: expect.stringContaining(message)}))
  })
})
