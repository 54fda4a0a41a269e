import {expect, test} from 'vitest'
import {applyMergePatch} from './merge-patch.js'
import type {Json} from './merge-patch.js'

// RFC 7386 Appendix A, "Example Test Cases".
test.each<{target: Json; patch: Json; want: Json}>([
  {target: {a: 'b'}, patch: {a: 'c'}, want: {a: 'c'}},
  {target: {a: 'b'}, patch: {b: 'c'}, want: {a: 'b', b: 'c'}},
  {target: {a: 'b'}, patch: {a: null}, want: {}},
  {target: {a: 'b', b: 'c'}, patch: {a: null}, want: {b: 'c'}},
  {target: {a: ['b']}, patch: {a: 'c'}, want: {a: 'c'}},
  {target: {a: 'c'}, patch: {a: ['b']}, want: {a: ['b']}},
  {target: {a: {b: 'c'}}, patch: {a: {b: 'd', c: null}}, want: {a: {b: 'd'}}},
  {target: {a: [{b: 'c'}]}, patch: {a: [1]}, want: {a: [1]}},
  {target: ['a', 'b'], patch: ['c', 'd'], want: ['c', 'd']},
  {target: {a: 'b'}, patch: ['c'], want: ['c']},
  {target: {a: 'foo'}, patch: null, want: null},
  {target: {a: 'foo'}, patch: 'bar', want: 'bar'},
  {target: {e: null}, patch: {a: 1}, want: {e: null, a: 1}},
  {target: [1, 2], patch: {a: 'b', c: null}, want: {a: 'b'}},
  {target: {}, patch: {a: {bb: {ccc: null}}}, want: {a: {bb: {}}}},
])('merge patch $patch onto $target', ({target, patch, want}) => {
  expect(applyMergePatch(target, patch)).toEqual(want)
})
