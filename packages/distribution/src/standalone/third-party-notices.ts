import type {BundledPackage, LicenseFile} from './bundled-packages.js'

/** The Node.js inside a single executable application, with its LICENSE (which covers Node's own dependencies). */
export interface BundledRuntime {
  name: string
  version: string
  licenseText: string
}

const RULE = '='.repeat(80)

/**
 * THIRD-PARTY-NOTICES of a release archive: what of others `product` contains, then each one's licence
 * and notice files in full, as MIT, ISC and BSD ask of copies and Apache-2.0 of its NOTICE files.
 * The text depends on its arguments only, so that archives stay reproducible.
 */
export function thirdPartyNotices(product: string, packages: readonly BundledPackage[], runtime?: BundledRuntime): string {
  const contents = [
    ...(runtime ? [[`${runtime.name} ${runtime.version}`, 'its LICENSE, below']] : []),
    ...packages.map(({name, version, license}) => [`${name} ${version}`, license]),
  ]
  const width = Math.max(...contents.map(([what]) => what!.length))
  const summary = [
    `Third-party notices for ${product}`,
    '',
    `kubeline is licensed under the Apache License 2.0 (LICENSE). ${product} also contains`,
    `${runtime ? `${runtime.name} and ` : ''}the code of ${packages.length} npm packages, under their own licences:`,
    '',
    ...contents.map(([what, license]) => `  ${what!.padEnd(width)}  ${license}`),
  ].join('\n')
  const sections = [
    ...(runtime ? [section(`${runtime.name} ${runtime.version}`, [{name: 'LICENSE', text: runtime.licenseText}])] : []),
    ...packages.map(packageSection),
  ]
  return [summary, ...sections].join(`\n\n${RULE}\n`) + '\n'
}

function packageSection({name, version, license, licenseFiles, author}: BundledPackage): string {
  if (licenseFiles.length === 0) {
    const holder = author ? `, author ${author}` : ''
    return `${name} ${version}\nLicense: ${license}\n\nThe package has no licence file: its package.json declares ${license}${holder}.`
  }
  return section(`${name} ${version}\nLicense: ${license}`, licenseFiles)
}

function section(heading: string, files: readonly LicenseFile[]): string {
  return [heading, ...files.map(({name, text}) => `--- ${name} ---\n${normalized(text)}`)].join('\n\n')
}

/** LF line ends and no trailing blank lines, whatever the package's author used. */
const normalized = (text: string) => text.replace(/\r\n?/g, '\n').trimEnd()
