import {pluginBinary} from '@kubeline/core'
import {KREW_API_VERSION, KREW_KIND} from './krew-plugin.js'
import type {KrewPlatform, KrewPlugin} from './krew-plugin.js'
import {krewTexts} from './krew-texts.js'

/** What a plugin's package.json says about it. */
export interface PluginPackage {
  name: string
  version: string
  description: string
  /** oclif.bin: how kubectl users type it, `kubectl cron-trigger`. */
  oclifBin: string
}

/** One line of dist-packages/manifest.json, the release archives `pnpm package` built. */
export interface ReleaseArtifact {
  plugin: string
  version: string
  file: string
  platform: string
  sha256: string
}

export interface ReleaseSite {
  /** The project's page, e.g. https://github.com/OWNER/kubeline. */
  homepage: string
  /** Where `file` of release `v<version>` is downloaded from. */
  downloadUrl: (file: string, version: string) => string
}

const ARCHIVE = /\.(tar\.gz|tgz|zip)$/
const OS: Record<string, string> = {linux: 'linux', darwin: 'darwin', win32: 'windows', windows: 'windows'}
const ARCH: Record<string, string> = {x64: 'amd64', amd64: 'amd64', arm64: 'arm64', aarch64: 'arm64'}

/** `linux-x64` (Node's names) or `linux/amd64` (Go's) -> krew's os and arch labels. */
export function krewPlatformLabels(platform: string): {os: string; arch: string} | undefined {
  const [os = '', arch = ''] = platform.split(/[-/_]/)
  const labels = {os: OS[os], arch: ARCH[arch]}
  return labels.os !== undefined && labels.arch !== undefined ? {os: labels.os, arch: labels.arch} : undefined
}

/** kubectl cron-trigger -> cron-trigger: krew's name is the one typed after kubectl. */
export function krewName(oclifBin: string): string {
  return oclifBin.replace(/^kubectl /, '')
}

/**
 * The krew manifest of one plugin: one platform per archive of this plugin's
 * version that runs on a platform krew knows. An archive of another version is
 * a stale build and fails, as does a plugin with no archive at all.
 */
export function krewManifest(pkg: PluginPackage, artifacts: readonly ReleaseArtifact[], site: ReleaseSite): KrewPlugin {
  const name = krewName(pkg.oclifBin)
  const binary = pluginBinary(pkg.oclifBin)
  const own = artifacts.filter((artifact) => [pkg.name, name, binary].includes(artifact.plugin) && ARCHIVE.test(artifact.file))
  const stale = own.find((artifact) => artifact.version !== pkg.version)
  if (stale) throw new Error(`${stale.file} is version ${stale.version}, but ${pkg.name} is ${pkg.version}: run pnpm package again`)
  const platforms = own.flatMap((artifact): KrewPlatform[] => {
    const labels = krewPlatformLabels(artifact.platform)
    if (labels === undefined) return []
    const bin = labels.os === 'windows' ? `${binary}.exe` : binary
    return [{selector: {matchLabels: labels}, uri: site.downloadUrl(artifact.file, pkg.version), sha256: artifact.sha256, bin}]
  })
  if (platforms.length === 0) throw new Error(`no release archive of ${pkg.name} ${pkg.version} for any os/arch in the artifact list`)
  const texts = krewTexts(name, binary, site.homepage)
  return {
    apiVersion: KREW_API_VERSION,
    kind: KREW_KIND,
    metadata: {name},
    spec: {
      version: `v${pkg.version}`,
      homepage: site.homepage,
      shortDescription: texts.shortDescription,
      description: pkg.description.replace(/^kubectl [\w-]+: /, ''),
      caveats: texts.caveats,
      platforms,
    },
  }
}
