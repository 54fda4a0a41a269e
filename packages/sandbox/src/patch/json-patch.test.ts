import {expect, test} from 'vitest'
import {ApiError} from '../store/api-error.js'
import {applyJsonPatch} from './json-patch.js'
import type {Json} from './merge-patch.js'

// RFC 6902 Appendix A examples (A.1-A.10, A.16).
test.each<{name: string; doc: Json; patch: unknown[]; want: Json}>([
  {name: 'A.1 add an object member', doc: {foo: 'bar'}, patch: [{op: 'add', path: '/baz', value: 'qux'}], want: {baz: 'qux', foo: 'bar'}},
  {name: 'A.2 add an array element', doc: {foo: ['bar', 'baz']}, patch: [{op: 'add', path: '/foo/1', value: 'qux'}], want: {foo: ['bar', 'qux', 'baz']}},
  {name: 'A.3 remove an object member', doc: {baz: 'qux', foo: 'bar'}, patch: [{op: 'remove', path: '/baz'}], want: {foo: 'bar'}},
  {name: 'A.4 remove an array element', doc: {foo: ['bar', 'qux', 'baz']}, patch: [{op: 'remove', path: '/foo/1'}], want: {foo: ['bar', 'baz']}},
  {name: 'A.5 replace a value', doc: {baz: 'qux', foo: 'bar'}, patch: [{op: 'replace', path: '/baz', value: 'boo'}], want: {baz: 'boo', foo: 'bar'}},
  {
    name: 'A.6 move a value',
    doc: {foo: {bar: 'baz', waldo: 'fred'}, qux: {corge: 'grault'}},
    patch: [{op: 'move', from: '/foo/waldo', path: '/qux/thud'}],
    want: {foo: {bar: 'baz'}, qux: {corge: 'grault', thud: 'fred'}},
  },
  {name: 'A.7 move an array element', doc: {foo: ['all', 'grass', 'cows', 'eat']}, patch: [{op: 'move', from: '/foo/1', path: '/foo/3'}], want: {foo: ['all', 'cows', 'eat', 'grass']}},
  {name: 'A.8 test success', doc: {baz: 'qux', foo: ['a', 2, 'c']}, patch: [{op: 'test', path: '/baz', value: 'qux'}, {op: 'test', path: '/foo/1', value: 2}], want: {baz: 'qux', foo: ['a', 2, 'c']}},
  {name: 'A.10 add a nested member object', doc: {foo: 'bar'}, patch: [{op: 'add', path: '/child', value: {grandchild: {}}}], want: {foo: 'bar', child: {grandchild: {}}}},
  {name: 'A.16 add an array value', doc: {foo: ['bar']}, patch: [{op: 'add', path: '/foo/-', value: ['abc', 'def']}], want: {foo: ['bar', ['abc', 'def']]}},
  {name: 'escaped pointer', doc: {metadata: {labels: {'app.kubernetes.io/name': 'a'}}}, patch: [{op: 'replace', path: '/metadata/labels/app.kubernetes.io~1name', value: 'b'}], want: {metadata: {labels: {'app.kubernetes.io/name': 'b'}}}},
])('$name', ({doc, patch, want}) => {
  expect(applyJsonPatch(doc, patch)).toEqual(want)
})

test.each<{name: string; doc: Json; patch: unknown}>([
  {name: 'A.9 test failure', doc: {baz: 'qux'}, patch: [{op: 'test', path: '/baz', value: 'bar'}]},
  {name: 'A.12 add to a nonexistent target', doc: {foo: 'bar'}, patch: [{op: 'add', path: '/baz/bat', value: 'qux'}]},
  {name: 'remove a missing member', doc: {foo: 'bar'}, patch: [{op: 'remove', path: '/nope'}]},
  {name: 'not an array', doc: {}, patch: {op: 'add'}},
])('$name is 422', ({doc, patch}) => {
  expect(() => applyJsonPatch(doc, patch)).toThrow(ApiError)
  try {
    applyJsonPatch(doc, patch)
  } catch (error) {
    expect((error as ApiError).code).toBe(422)
  }
})

test('does not modify the target', () => {
  const doc = {foo: ['bar']}
  applyJsonPatch(doc, [{op: 'add', path: '/foo/-', value: 'baz'}])
  expect(doc).toEqual({foo: ['bar']})
})
