import type {KrewPlatform, KrewPlugin} from '../krew-plugin.js'

/** Like krew's testutil.NewPlatform().V(): a valid platform. */
export function validPlatform(overrides: Partial<KrewPlatform> = {}): KrewPlatform {
  return {
    selector: {matchLabels: {os: 'linux', arch: 'amd64'}},
    uri: 'https://example.com/kubectl-foo_linux_amd64.tar.gz',
    sha256: 'deadbeef'.repeat(8),
    bin: 'kubectl-foo',
    ...overrides,
  }
}

/** Like krew's testutil.NewPlugin().WithName(name).V(): a valid plugin. */
export function validPlugin(name = 'foo', spec: Partial<KrewPlugin['spec']> = {}, head: Partial<Pick<KrewPlugin, 'apiVersion' | 'kind'>> = {}): KrewPlugin {
  return {
    apiVersion: 'krew.googlecontainertools.github.com/v1alpha2',
    kind: 'Plugin',
    ...head,
    metadata: {name},
    spec: {version: 'v1.0.0', homepage: 'https://example.com', shortDescription: 'short', platforms: [validPlatform()], ...spec},
  }
}
