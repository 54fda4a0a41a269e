import {expect, test} from 'vitest'
import type {PodTemplateSpec} from './rollout-objects.js'
import {templateHash} from './template-hash.js'

const base: PodTemplateSpec = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'web:1'}]}}

const cases: {name: string; other: PodTemplateSpec; same: boolean}[] = [
  {name: 'key order does not matter', other: {spec: {containers: [{image: 'web:1', name: 'web'}]}, metadata: {labels: {app: 'web'}}}, same: true},
  {name: 'undefined fields are ignored', other: {...base, spec: {...base.spec, hostname: undefined}}, same: true},
  {name: 'an image change matters', other: {...base, spec: {containers: [{name: 'web', image: 'web:2'}]}}, same: false},
  {name: 'a label change matters', other: {...base, metadata: {labels: {app: 'web', 'kubeline.dev/track': 'canary'}}}, same: false},
  {name: 'container order matters', other: {...base, spec: {containers: [{name: 'b'}, {name: 'a'}]}}, same: false},
]

test.each(cases)('$name', ({other, same}) => {
  expect(templateHash(other) === templateHash(base)).toBe(same)
})

test('uses only the safe alphabet', () => {
  expect(templateHash(base)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
})
