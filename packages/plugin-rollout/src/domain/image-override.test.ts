import {describe, expect, test} from 'vitest'
import {applyImageOverrides, parseImageOverride} from './image-override.js'
import type {PodTemplateSpec} from './rollout-objects.js'

describe('parseImageOverride', () => {
  test.each([
    {text: 'web=web:2', want: {container: 'web', image: 'web:2'}},
    {text: 'web:2', want: {image: 'web:2'}},
    {text: 'side=registry.example.com:5000/side@sha256:abc', want: {container: 'side', image: 'registry.example.com:5000/side@sha256:abc'}},
  ])('$text', ({text, want}) => expect(parseImageOverride(text)).toEqual(want))

  test.each(['=web:2', 'web=', '', 'web= web:2'])('rejects "%s"', (text) => {
    expect(() => parseImageOverride(text)).toThrow(/expected CONTAINER=IMAGE/)
  })
})

describe('applyImageOverrides', () => {
  const one: PodTemplateSpec = {spec: {containers: [{name: 'web', image: 'web:1'}]}}
  const two: PodTemplateSpec = {spec: {containers: [{name: 'web', image: 'web:1'}, {name: 'proxy', image: 'envoy:1'}]}}
  test.each([
    {name: 'bare image, one container', template: one, sets: [{image: 'web:2'}], want: ['web:2']},
    {name: 'named container', template: two, sets: [{container: 'proxy', image: 'envoy:2'}], want: ['web:1', 'envoy:2']},
    {name: 'both containers', template: two, sets: [{container: 'web', image: 'web:3'}, {container: 'proxy', image: 'envoy:3'}], want: ['web:3', 'envoy:3']},
    {name: 'last one wins', template: one, sets: [{container: 'web', image: 'web:2'}, {container: 'web', image: 'web:4'}], want: ['web:4']},
  ])('$name', ({template, sets, want}) => {
    expect(applyImageOverrides(template, sets, 'web').spec?.containers?.map((container) => container.image)).toEqual(want)
  })

  test.each([
    {name: 'unknown container', template: two, sets: [{container: 'db', image: 'pg:16'}], message: /Deployment web has no container "db" \(containers: web, proxy\)/},
    {name: 'bare image with two containers', template: two, sets: [{image: 'web:2'}], message: /has 2 containers \(web, proxy\); say which one/},
    {name: 'no containers at all', template: {}, sets: [{image: 'web:2'}], message: /has 0 containers/},
  ])('rejects $name', ({template, sets, message}) => {
    expect(() => applyImageOverrides(template, sets, 'web')).toThrow(message)
  })

  // kubectl set image (k8s.io/kubectl pkg/cmd/set/set_image.go) sets a container of that name among the init
  // containers too, and `*` sets every container and init container.
  const withInit: PodTemplateSpec = {spec: {initContainers: [{name: 'migrate', image: 'web:1'}, {name: 'mesh', image: 'envoy:1'}], containers: [{name: 'web', image: 'web:1'}]}}
  const images = (template: PodTemplateSpec) => ({init: template.spec?.initContainers?.map((c) => c.image), containers: template.spec?.containers?.map((c) => c.image)})
  test.each([
    {name: 'an init container by name', sets: [{container: 'migrate', image: 'web:2'}], want: {init: ['web:2', 'envoy:1'], containers: ['web:1']}},
    {name: 'an init container and a container', sets: [{container: 'migrate', image: 'web:2'}, {container: 'web', image: 'web:2'}], want: {init: ['web:2', 'envoy:1'], containers: ['web:2']}},
    {name: '* sets every container and init container', sets: [{container: '*', image: 'web:3'}], want: {init: ['web:3', 'web:3'], containers: ['web:3']}},
    {name: 'a name after * wins for its container', sets: [{container: '*', image: 'web:3'}, {container: 'mesh', image: 'envoy:2'}], want: {init: ['web:3', 'envoy:2'], containers: ['web:3']}},
  ])('$name', ({sets, want}) => {
    expect(images(applyImageOverrides(withInit, sets, 'web'))).toEqual(want)
  })

  test('an unknown name lists the init containers too', () => {
    expect(() => applyImageOverrides(withInit, [{container: 'db', image: 'pg:16'}], 'web')).toThrow(/Deployment web has no container "db" \(containers: web; init containers: migrate, mesh\)/)
  })

  test('does not modify the input template', () => {
    const before = structuredClone(two)
    applyImageOverrides(two, [{container: 'web', image: 'web:9'}], 'web')
    expect(two).toEqual(before)
  })
})
