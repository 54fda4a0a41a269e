import {expect, test} from 'vitest'
import {krewReviewProblems} from './krew-review-problems.js'
import {validPlatform, validPlugin} from './test-support/krew-plugin-fixture.js'

const windows = {selector: {matchLabels: {os: 'windows', arch: 'amd64'}}}

test.each([
  {name: 'a valid plugin', file: 'open-svc.yaml', plugin: validPlugin('open-svc'), problems: []},
  {name: 'krew\'s own validation comes first', file: 'foo.yaml', plugin: validPlugin('bar'), problems: ['plugin should be named "foo" (its file name), not "bar"']},
  {name: 'camelCase (naming guide: lowercase and hyphens)', file: 'OpenSvc.yaml', plugin: validPlugin('OpenSvc'), problems: ['name "OpenSvc" is not lowercase words separated by hyphens']},
  {name: 'snake_case', file: 'open_svc.yaml', plugin: validPlugin('open_svc'), problems: ['name "open_svc" is not lowercase words separated by hyphens']},
  {name: 'kube- prefix (naming guide: avoid repeating kube)', file: 'kube-node-admin.yaml', plugin: validPlugin('kube-node-admin'), problems: ['name "kube-node-admin" repeats kube: drop the prefix']},
  {name: 'a short description over 50 characters', file: 'foo.yaml', plugin: validPlugin('foo', {shortDescription: 'x'.repeat(51)}), problems: ['shortDescription has 51 characters, at most 50']},
  {name: 'no homepage', file: 'foo.yaml', plugin: validPlugin('foo', {homepage: undefined}), problems: ['no homepage']},
  {name: 'an unknown os', file: 'foo.yaml', plugin: validPlugin('foo', {platforms: [validPlatform({selector: {matchLabels: {os: 'win32', arch: 'amd64'}}})]}), problems: ['platform win32/amd64: not a known os and arch in matchLabels']},
  {name: 'a platform twice', file: 'foo.yaml', plugin: validPlugin('foo', {platforms: [validPlatform(), validPlatform()]}), problems: ['platform linux/amd64: listed twice']},
  {name: 'a plain http download', file: 'foo.yaml', plugin: validPlugin('foo', {platforms: [validPlatform({uri: 'http://example.com/a.tar.gz'})]}), problems: ['platform linux/amd64: uri is not https: http://example.com/a.tar.gz']},
  {name: 'a Windows bin without .exe', file: 'foo.yaml', plugin: validPlugin('foo', {platforms: [validPlatform(windows)]}), problems: ['platform windows/amd64: bin must end in .exe on Windows']},
  {name: 'a Windows bin with .exe', file: 'foo.yaml', plugin: validPlugin('foo', {platforms: [validPlatform({...windows, bin: 'kubectl-foo.exe'})]}), problems: []},
])('$name', ({file, plugin, problems}) => {
  expect(krewReviewProblems(file, plugin)).toEqual(problems)
})
