import {expect, test} from 'vitest'
import {KubelineError} from '../errors/kubeline-error.js'
import {parseOutputFormat} from './output-format.js'

const allowed = ['table', 'wide', 'json', 'yaml', 'name'] as const

test.each([
  {value: '', want: 'table'},
  {value: 'table', want: 'table'},
  {value: 'wide', want: 'wide'},
  {value: 'json', want: 'json'},
  {value: 'yaml', want: 'yaml'},
  {value: 'name', want: 'name'},
])('-o "$value" is $want', ({value, want}) => {
  expect(parseOutputFormat(value, allowed)).toBe(want)
})

test.each([
  {name: 'unknown format', value: 'xml', allowed},
  {name: 'known but not allowed here', value: 'markdown', allowed},
  {name: 'wrong case', value: 'JSON', allowed},
  {name: 'allowed by the command but not a kubeline format', value: 'jsonpath', allowed: ['json', 'jsonpath']},
])('$name is an INVALID_FLAG with kubectl wording', ({value, allowed}) => {
  const error = (() => {
    try {
      parseOutputFormat(value, allowed)
    } catch (thrown) {
      return thrown
    }
  })()
  expect(error).toBeInstanceOf(KubelineError)
  expect((error as KubelineError).code).toBe('INVALID_FLAG')
  expect((error as KubelineError).message).toBe(
    `unable to match a printer suitable for the output format "${value}", allowed formats are: ${[...allowed].sort().join(',')}`,
  )
})

test('lists the allowed formats sorted, as kubectl does', () => {
  expect(() => parseOutputFormat('x', ['yaml', 'json', 'wide'])).toThrow('allowed formats are: json,wide,yaml')
})
