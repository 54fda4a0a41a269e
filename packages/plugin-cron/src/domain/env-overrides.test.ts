import {describe, expect, test} from 'vitest'
import {applyEnvOverrides, parseEnvOverride} from './env-overrides.js'

describe('parseEnvOverride', () => {
  test.each([
    ['A=1', {name: 'A', value: '1'}],
    ['URL=http://x/?a=b', {name: 'URL', value: 'http://x/?a=b'}],
    ['EMPTY=', {name: 'EMPTY', value: ''}],
    ['my.var-x=y', {name: 'my.var-x', value: 'y'}],
    // Kubernetes 1.32+ (RelaxedEnvironmentVariableValidation, GA in 1.34): any printable ASCII but "=".
    ['1ABC=x', {name: '1ABC', value: 'x'}],
    ['A B=x', {name: 'A B', value: 'x'}],
    ['$(weird):~{}=x', {name: '$(weird):~{}', value: 'x'}],
  ])('%s', (text, want) => expect(parseEnvOverride(text)).toEqual(want))

  test.each([
    ['NOVALUE', 'expected KEY=VALUE'],
    ['=x', 'expected KEY=VALUE'],
    ['A\tB=x', '"A\tB" is not a valid environment variable name'],
    ['CAFÉ=x', '"CAFÉ" is not a valid environment variable name'],
  ])('rejects %s', (text, message) => expect(() => parseEnvOverride(text)).toThrow(message))
})

describe('applyEnvOverrides', () => {
  test('replaces by name in containers and init containers, keeps valueFrom variables it does not name', () => {
    const spec = {
      initContainers: [{name: 'init', env: [{name: 'A', value: 'old'}]}],
      containers: [{name: 'main', env: [{name: 'SECRET', valueFrom: {secretKeyRef: {name: 's', key: 'k'}}}]}, {name: 'side'}],
    }
    expect(applyEnvOverrides(spec, [{name: 'A', value: 'new'}])).toEqual({
      initContainers: [{name: 'init', env: [{name: 'A', value: 'new'}]}],
      containers: [
        {name: 'main', env: [{name: 'SECRET', valueFrom: {secretKeyRef: {name: 's', key: 'k'}}}, {name: 'A', value: 'new'}]},
        {name: 'side', env: [{name: 'A', value: 'new'}]},
      ],
    })
  })

  // Kubernetes expands $(VAR) only from variables defined earlier in the list (kubelet's dependent
  // environment variables): an override must keep its variable's place, or DATABASE_URL below would
  // start to read a literal "$(DB_HOST)".
  test('an overridden variable keeps its place; new ones are appended once, the last --env of a name winning', () => {
    const spec = {
      containers: [{name: 'main', env: [{name: 'DB_HOST', value: 'db'}, {name: 'DATABASE_URL', value: 'postgres://$(DB_HOST)/app'}]}],
    }
    const overrides = [{name: 'DB_HOST', value: 'replica'}, {name: 'NEW', value: '1'}, {name: 'NEW', value: '2'}, {name: 'DB_HOST', value: 'primary'}]
    expect(applyEnvOverrides(spec, overrides).containers).toEqual([
      {name: 'main', env: [{name: 'DB_HOST', value: 'primary'}, {name: 'DATABASE_URL', value: 'postgres://$(DB_HOST)/app'}, {name: 'NEW', value: '2'}]},
    ])
  })
})
