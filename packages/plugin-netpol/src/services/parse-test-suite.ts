import {KUBELINE_API_VERSION, UsageError, formatSource} from '@kubeline/core'
import type {SourcedObject} from '@kubeline/core'
import type {Expectation} from '../domain/netpol-test-report.js'
import type {Protocol} from '../domain/protocol.js'
import {isProtocol} from '../domain/protocol.js'
import type {EndpointSpec} from './endpoint-spec.js'
import {parseEndpointSpec} from './endpoint-spec.js'

export const TEST_SUITE_KIND = 'NetpolTestSuite'

export interface NetpolTestCase {
  name: string
  /** As written, for reports. */
  from: string
  to: string
  fromSpec: EndpointSpec
  toSpec: EndpointSpec
  port: number
  protocol: Protocol
  expect: Expectation
}

export interface NetpolTestSuite {
  /** metadata.name, else the file name. */
  name: string
  /** `file:line` of the document. */
  source: string
  cases: NetpolTestCase[]
}

const SUITE_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec']
const SPEC_FIELDS = ['cases']
const CASE_FIELDS = ['name', 'from', 'to', 'port', 'protocol', 'expect']
const EXPECTATIONS: readonly Expectation[] = ['allow', 'deny']

/**
 * Validates one `kubeline.dev/v1alpha1` `NetpolTestSuite` document strictly: unknown fields are
 * errors (a typo such as `expected:` must not pass silently). Every error is INVALID_MANIFEST and
 * names the file, line, case index and name, and field:
 * `suite.yaml:1: spec.cases[2] ("web to db"): port: must be an integer between 1 and 65535, got "http"`.
 */
export function parseTestSuite({object, source}: SourcedObject): NetpolTestSuite {
  const where = formatSource(source)
  const invalid = (path: string, problem: string) => new UsageError('INVALID_MANIFEST', `${where}: ${path}: ${problem}`)
  if (object.apiVersion !== KUBELINE_API_VERSION || object.kind !== TEST_SUITE_KIND) {
    throw invalid('kind', `expected apiVersion ${KUBELINE_API_VERSION}, kind ${TEST_SUITE_KIND}; got ${object.apiVersion}, ${object.kind}`)
  }
  rejectUnknownFields(object, SUITE_FIELDS, '', invalid)
  const spec = (object as {spec?: unknown}).spec
  if (!isMapping(spec)) throw invalid('spec', 'must be a mapping with cases')
  rejectUnknownFields(spec, SPEC_FIELDS, 'spec.', invalid)
  if (!Array.isArray(spec.cases) || spec.cases.length === 0) throw invalid('spec.cases', 'must be a non-empty list of cases')
  const cases = spec.cases.map((value: unknown, index) => parseTestCase(value, index, invalid))
  return {name: object.metadata.name ?? source.file, source: where, cases}
}

type Invalid = (path: string, problem: string) => UsageError

function parseTestCase(value: unknown, index: number, invalid: Invalid): NetpolTestCase {
  const at = (name?: unknown) => `spec.cases[${index}]${typeof name === 'string' && name.trim() !== '' ? ` (${JSON.stringify(name)})` : ''}`
  if (!isMapping(value)) throw invalid(at(), `must be a mapping with from, to, port and expect, got ${describe(value)}`)
  const fail = (field: string, problem: string) => invalid(`${at(value.name)}: ${field}`, problem)
  rejectUnknownFields(value, CASE_FIELDS, `${at(value.name)}: `, invalid)
  for (const field of ['from', 'to', 'port', 'expect']) if (value[field] === undefined) throw fail(field, 'is required')
  if (value.name !== undefined && (typeof value.name !== 'string' || value.name.trim() === '')) throw fail('name', `must be a non-empty string, got ${describe(value.name)}`)
  const invalidCase = (problem: string) => invalid(at(value.name), problem)
  const from = endpoint(value.from, 'from', invalidCase)
  const to = endpoint(value.to, 'to', invalidCase)
  const port = value.port
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw fail('port', `must be an integer between 1 and 65535, got ${describe(port)}`)
  const protocol = value.protocol ?? 'TCP'
  if (typeof protocol !== 'string' || !isProtocol(protocol.toUpperCase())) throw fail('protocol', `must be TCP, UDP or SCTP, got ${describe(protocol)}`)
  const expected = EXPECTATIONS.find((expectation) => expectation === value.expect)
  if (expected === undefined) throw fail('expect', `must be allow or deny, got ${describe(value.expect)}`)
  const normalized = protocol.toUpperCase() as Protocol
  const name = typeof value.name === 'string' ? value.name : `${from.text} -> ${to.text} ${normalized}/${port}`
  return {name, from: from.text, to: to.text, fromSpec: from.spec, toSpec: to.spec, port, protocol: normalized, expect: expected}
}

/** `invalidCase` prefixes the file, line and case; parseEndpointSpec's message names the field. */
function endpoint(value: unknown, field: 'from' | 'to', invalidCase: (problem: string) => UsageError): {text: string; spec: EndpointSpec} {
  if (typeof value !== 'string') throw invalidCase(`${field}: must be a string (ns/pod, ns/deployment/name or ip:ADDRESS), got ${describe(value)}`)
  try {
    return {text: value, spec: parseEndpointSpec(field, value)}
  } catch (err) {
    if (err instanceof UsageError) throw invalidCase(err.message)
    throw err
  }
}

function rejectUnknownFields(value: Record<string, unknown>, known: readonly string[], prefix: string, invalid: Invalid): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key))
  if (unknown !== undefined) throw invalid(`${prefix}${unknown}`, `unknown field; expected one of ${known.join(', ')}`)
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'a mapping'
  return JSON.stringify(value)
}
