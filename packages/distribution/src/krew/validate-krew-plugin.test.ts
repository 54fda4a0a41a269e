import {describe, expect, test} from 'vitest'
import {filesProblem, isKrewVersion, isSafePluginName, krewPlatformProblem, krewPluginProblem, selectorProblem} from './validate-krew-plugin.js'
import {validPlatform, validPlugin} from './test-support/krew-plugin-fixture.js'

// Cases transcribed from kubernetes-sigs/krew internal/index/validation/validate_test.go
// and internal/installation/semver/version_test.go.

test.each([
  ['secure name', 'foo-bar', true],
  ['insecure path name', '/foo-bar', false],
  ['relative name', '..foo-bar', false],
  ['bad windows name', 'nul', false],
  ['bad windows name, any case', 'Com7', false],
])('IsSafePluginName: %s', (_name, pluginName, want) => {
  expect(isSafePluginName(pluginName)).toBe(want)
})

test.each([
  ['empty', '', false],
  ['zero is valid', 'v0.0.0', true],
  ['no v prefix', '1.0.0', false],
  ['spaces between v and value', 'v 1.0.0', false],
  ['major', 'v1', false],
  ['major.minor', 'v1.2', false],
  ['major.minor.patch', 'v1.2.3', true],
  ['major.minor.patch-suffix', 'v1.2.3-beta.2+foo.bar', true],
  ['empty pre-release identifier', 'v1.0.1-', false],
  ['empty meta identifier', 'v1.0.1+', false],
  ['negative value in major', 'v-1.2.3', false],
  ['negative value in minor', 'v1.-2.3', false],
  ['negative value in patch', 'v1.2.-3', false],
  ['leading zero in major', 'v01.2.3', false],
  ['leading zero in minor', 'v1.02.3', false],
  ['leading zero in patch', 'v1.2.03', false],
  ['major with alpha chars', 'v0a.0.0', false],
  ['minor with alpha chars', 'v0.0a.0', false],
  ['patch with alpha chars', 'v0.0.0a', false],
])('semver.Parse: %s (%j)', (_name, version, valid) => {
  expect(isKrewVersion(version)).toBe(valid)
})

describe('ValidatePlugin', () => {
  test.each([
    ['wrong group', 'networking.k8s.io/v1', false],
    ['just api group', 'krew.googlecontainertools.github.com', false],
    ['old version', 'krew.googlecontainertools.github.com/v1alpha1', false],
    ['equal version', 'krew.googlecontainertools.github.com/v1alpha2', true],
    ['newer 1', 'krew.googlecontainertools.github.com/v1alpha3', false],
    ['newer 2', 'krew.googlecontainertools.github.com/v1', false],
    ['newer 3', 'krew.googlecontainertools.github.com/v2alpha1', false],
  ])('apiVersion: %s', (_name, apiVersion, supported) => {
    expect(krewPluginProblem('foo', validPlugin('foo', {}, {apiVersion})) === undefined).toBe(supported)
  })

  test.each([
    {name: 'success', pluginName: 'foo', plugin: validPlugin('foo'), problem: undefined},
    {name: 'file name mismatch', pluginName: 'orange', plugin: validPlugin('apple'), problem: 'plugin should be named "orange" (its file name), not "apple"'},
    {name: 'bad api version', pluginName: 'foo', plugin: validPlugin('foo', {}, {apiVersion: 'core/v1'}), problem: 'apiVersion is "core/v1", krew reads only "krew.googlecontainertools.github.com/v1alpha2"'},
    {name: 'wrong kind', pluginName: 'foo', plugin: validPlugin('foo', {}, {kind: 'NotPlugin'}), problem: 'kind is "NotPlugin", must be "Plugin"'},
    {name: 'shortDescription unspecified', pluginName: 'foo', plugin: validPlugin('foo', {shortDescription: ''}), problem: 'should have a short description'},
    {name: 'version unspecified', pluginName: 'foo', plugin: validPlugin('foo', {version: ''}), problem: 'should have a version specified'},
    {name: 'version malformed', pluginName: 'foo', plugin: validPlugin('foo', {version: 'v01.02.3-a'}), problem: 'version "v01.02.3-a" is not a semantic version with a leading "v"'},
    {name: 'no platform specified', pluginName: 'foo', plugin: validPlugin('foo', {platforms: []}), problem: 'should have a platform specified'},
    {name: 'empty file operations', pluginName: 'foo', plugin: validPlugin('foo', {platforms: [validPlatform({files: []})]}), problem: 'platform https://example.com/kubectl-foo_linux_amd64.tar.gz: `files` has to be unspecified or non-empty'},
    {name: 'unsafe plugin name', pluginName: '../foo', plugin: validPlugin('../foo'), problem: 'the plugin name "../foo" is not allowed, must match ^[\\w-]+$'},
    {name: 'short description with line break', pluginName: 'foo', plugin: validPlugin('foo', {shortDescription: 'just foo\n'}), problem: 'should not have line breaks in short description'},
    {name: 'short description with carriage return', pluginName: 'foo', plugin: validPlugin('foo', {shortDescription: 'just foo\r'}), problem: 'should not have line breaks in short description'},
    {name: 'short description with CRLF', pluginName: 'foo', plugin: validPlugin('foo', {shortDescription: 'just\r\nfoo'}), problem: 'should not have line breaks in short description'},
  ])('$name', ({pluginName, plugin, problem}) => {
    expect(krewPluginProblem(pluginName, plugin)).toBe(problem)
  })
})

test.each([
  ['success', validPlatform(), undefined],
  ['missing url', validPlatform({uri: ''}), '`uri` has to be set'],
  ['missing sha256', validPlatform({sha256: ''}), '`sha256` sum has to be set'],
  ['sha256 in upper case', validPlatform({sha256: 'DEADBEEF'.repeat(8)}), `\`sha256\` value ${'DEADBEEF'.repeat(8)} is not valid, must match ^[a-f0-9]{64}$`],
  ['empty file operations', validPlatform({files: []}), '`files` has to be unspecified or non-empty'],
  ['no bin field', validPlatform({bin: ''}), '`bin` has to be set'],
  ['invalid platform selector', validPlatform({selector: {matchLabels: {'unsupported-field': 'orange'}}}), 'selector key "unsupported-field" not supported (only os and arch)'],
])('validatePlatform: %s', (_name, platform, problem) => {
  expect(krewPlatformProblem(platform)).toBe(problem)
})

test.each([
  ['nil selector', undefined, true],
  ['empty (wildcard) selector', {}, true],
  ['valid matchLabels', {matchLabels: {os: 'foo', arch: 'bar'}}, false],
  ['valid matchExpressions', {matchExpressions: [{key: 'os', operator: 'In', values: ['apple', 'orange']}]}, false],
  ['empty matchLabels', {matchLabels: {}}, true],
  ['empty matchExpressions', {matchExpressions: []}, true],
  ['unsupported key in matchLabels', {matchLabels: {'unsupported-key': 'value'}}, true],
  ['unsupported key in matchExpressions', {matchExpressions: [{key: 'unsupported-key', operator: 'In', values: ['apple', 'orange']}]}, true],
])('validateSelector: %s', (_name, selector, wantErr) => {
  expect(selectorProblem(selector) !== undefined).toBe(wantErr)
})

test.each([
  ['success', [{from: 'here', to: 'there'}], false],
  ['unspecified file operations', undefined, false],
  ['empty file operations', [], true],
  ['empty `to` field in file operations', [{from: 'present', to: ''}], true],
  ['empty `from` field in file operations', [{from: '', to: 'present'}], true],
])('validateFiles: %s', (_name, files, wantErr) => {
  expect(filesProblem(files) !== undefined).toBe(wantErr)
})
