import type {KrewPlugin} from './krew-plugin.js'
import {krewPluginProblem} from './validate-krew-plugin.js'

/** kebab-case: krew's naming guide (site/content/docs/developer-guide/develop/naming-guide.md). */
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/
/** The guide's "Avoid repeating kube[rnetes]"; `kubectl-` stutters the same way. */
const STUTTER = /^(kube|kubernetes|kubectl)-/
/** What `kubectl krew search` shows in its column without cutting. */
const SHORT_DESCRIPTION_MAX = 50
/** The GOOS/GOARCH values krew matches against (krew installation/platform.go uses runtime.GOOS/GOARCH). */
const OS_VALUES = new Set(['linux', 'darwin', 'windows'])
const ARCH_VALUES = new Set(['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x'])

/**
 * Everything a krew-index reviewer would object to: krew's own validation first,
 * then the naming guide and what makes a platform installable (https download,
 * a known os/arch, `.exe` on Windows, one archive per platform).
 */
export function krewReviewProblems(fileName: string, plugin: KrewPlugin): string[] {
  const name = fileName.replace(/\.yaml$/, '')
  const problems = [krewPluginProblem(name, plugin)]
  if (!KEBAB_CASE.test(name)) problems.push(`name "${name}" is not lowercase words separated by hyphens`)
  if (STUTTER.test(name)) problems.push(`name "${name}" repeats kube: drop the prefix`)
  if (plugin.spec.shortDescription.length > SHORT_DESCRIPTION_MAX) {
    problems.push(`shortDescription has ${plugin.spec.shortDescription.length} characters, at most ${SHORT_DESCRIPTION_MAX}`)
  }
  if (!plugin.spec.homepage) problems.push('no homepage')
  const seen = new Set<string>()
  for (const platform of plugin.spec.platforms) {
    const {os = '', arch = ''} = platform.selector?.matchLabels ?? {}
    if (!OS_VALUES.has(os) || !ARCH_VALUES.has(arch)) problems.push(`platform ${os}/${arch}: not a known os and arch in matchLabels`)
    if (seen.has(`${os}/${arch}`)) problems.push(`platform ${os}/${arch}: listed twice`)
    seen.add(`${os}/${arch}`)
    if (!platform.uri.startsWith('https://')) problems.push(`platform ${os}/${arch}: uri is not https: ${platform.uri}`)
    if (os === 'windows' && !platform.bin.endsWith('.exe')) problems.push(`platform ${os}/${arch}: bin must end in .exe on Windows`)
  }
  return problems.filter((problem): problem is string => problem !== undefined)
}
