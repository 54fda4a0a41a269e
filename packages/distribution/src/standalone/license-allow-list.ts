/**
 * The licences a bundled package may have: permissive ones, which ask only that their notice travels with
 * the copies (THIRD-PARTY-NOTICES does that). What the standalone builds bundle today is MIT, ISC,
 * Apache-2.0, BlueOak-1.0.0 and Unlicense; the BSD family and 0BSD are as permissive. A copyleft licence
 * (GPL, LGPL, MPL, ...) or an unknown one must be looked at by a person before it ships: add it here then.
 */
export const ALLOWED_LICENSES: ReadonlySet<string> = new Set([
  '0BSD', 'Apache-2.0', 'BlueOak-1.0.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MIT', 'Unlicense',
])

/**
 * Whether an SPDX licence expression lets us ship the package: `A OR B` when either is allowed (we may
 * choose), `A AND B` when both are. `A WITH exception` only when listed as a whole.
 */
export function licenseAllowed(expression: string, allowed: ReadonlySet<string> = ALLOWED_LICENSES): boolean {
  const tokens = expression.match(/[()]|[^\s()]+/g) ?? []
  let at = 0
  const disjunction = (): boolean => {
    let result = conjunction()
    while (tokens[at] === 'OR') {
      at++
      result = conjunction() || result
    }
    return result
  }
  const conjunction = (): boolean => {
    let result = operand()
    while (tokens[at] === 'AND') {
      at++
      result = operand() && result
    }
    return result
  }
  const operand = (): boolean => {
    const token = tokens[at++]
    if (token === '(') {
      const result = disjunction()
      return tokens[at++] === ')' && result
    }
    if (token === undefined || ['AND', 'OR', 'WITH', ')'].includes(token)) return false
    if (tokens[at] !== 'WITH') return allowed.has(token)
    const exception = tokens[at + 1]
    at += 2
    return allowed.has(`${token} WITH ${exception}`)
  }
  const result = disjunction()
  return at === tokens.length && result
}

/** Thrown when a bundle would hold a package whose licence is not allowed: `pnpm package` stops without a release. */
export class DisallowedLicenseError extends Error {}

/** Throws naming every package of `what` whose licence is not allowed. */
export function refuseDisallowedLicenses(what: string, packages: readonly {name: string; version: string; license: string}[], allowed: ReadonlySet<string> = ALLOWED_LICENSES): void {
  const refused = packages.filter(({license}) => !licenseAllowed(license, allowed))
  if (refused.length === 0) return
  const list = refused.map(({name, version, license}) => `${name}@${version} (${license})`).join(', ')
  throw new DisallowedLicenseError(`${what} would bundle ${list}: not an allowed licence (${[...allowed].join(', ')}); review it and extend ALLOWED_LICENSES in packages/distribution/src/standalone/license-allow-list.ts, or drop the dependency`)
}
