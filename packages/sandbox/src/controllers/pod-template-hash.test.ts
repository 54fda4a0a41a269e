import {expect, test} from 'vitest'
import {podTemplateHash} from './pod-template-hash.js'

const template = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'app', image: 'web:1'}]}}

test('is made of the safe alphabet upstream uses for generated names', () => {
  expect(podTemplateHash(template)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
})

test('does not depend on key order', () => {
  const reordered = {spec: {containers: [{image: 'web:1', name: 'app'}]}, metadata: {labels: {app: 'web'}}}
  expect(podTemplateHash(reordered)).toBe(podTemplateHash(template))
})

test.each([
  {name: 'image', other: {...template, spec: {containers: [{name: 'app', image: 'web:2'}]}}},
  {name: 'label', other: {...template, metadata: {labels: {app: 'web', track: 'canary'}}}},
])('changes with the $name', ({other}) => {
  expect(podTemplateHash(other)).not.toBe(podTemplateHash(template))
})

test('changes with the collision count', () => {
  expect(podTemplateHash(template, 1)).not.toBe(podTemplateHash(template))
})
