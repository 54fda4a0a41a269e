/** One file of a release archive. */
export interface ArchiveEntry {
  /** Path inside the archive, `/`-separated. */
  name: string
  data: Uint8Array
  /** Permission bits, e.g. 0o755 for an executable. */
  mode: number
}

/** Entries in byte order of their names, so that the order of the caller never shows in the archive. */
export function sortedEntries(entries: readonly ArchiveEntry[]): ArchiveEntry[] {
  return [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)))
}
