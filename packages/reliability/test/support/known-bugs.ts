/**
 * Cases that fail today because of a bug outside this package, each with where it is and
 * what to do. They run as `test.fails`: a listed case must keep failing, so the suite notices
 * the fix (and the entry must then go), and an unlisted failure stays a failure.
 */
export const KNOWN_BUGS: ReadonlyMap<string, string> = new Map<string, string>([])

/** Splits test cases by name into those expected to pass and those that fail because of a known bug. */
export function byKnownBug<Case extends {name: string}>(cases: readonly Case[]): {passing: Case[]; knownBugs: Case[]} {
  return {passing: cases.filter((each) => !KNOWN_BUGS.has(each.name)), knownBugs: cases.filter((each) => KNOWN_BUGS.has(each.name))}
}
