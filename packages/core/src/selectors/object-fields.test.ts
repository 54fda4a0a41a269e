import {describe, expect, test} from 'vitest'
import {objectFields} from './object-fields.js'
import {parseFieldSelector} from './parse-field-selector.js'

// pkg/registry/generic/matcher.go ObjectMetaFieldsSet.
describe('objectFields', () => {
  test.each([
    {object: {metadata: {name: 'web', namespace: 'prod'}}, options: {}, want: {'metadata.name': 'web', 'metadata.namespace': 'prod'}},
    {object: {metadata: {name: 'prod'}}, options: {clusterScoped: true}, want: {'metadata.name': 'prod'}},
    {object: {}, options: {}, want: {'metadata.name': '', 'metadata.namespace': ''}},
    {object: {metadata: null}, options: {clusterScoped: true}, want: {'metadata.name': ''}},
  ])('$object $options', ({object, options, want}) => {
    expect(objectFields(object, options)).toEqual(want)
  })

  test('feeds a field selector, with kind-specific fields added by the caller', () => {
    const pod = {metadata: {name: 'web-1', namespace: 'prod'}, status: {phase: 'Running'}}
    const fields = {...objectFields(pod), 'status.phase': pod.status.phase}
    expect(parseFieldSelector('metadata.namespace=prod,status.phase!=Pending').matches(fields)).toBe(true)
    expect(parseFieldSelector('metadata.name=web-2').matches(fields)).toBe(false)
  })
})
