import type {KubeObject} from '../kube/kube-object.js'

/** Where an object came from, so that every later error can point at it. */
export interface ManifestSource {
  /** The path as the user gave it (joined with the directory for directory entries), or `<stdin>` for `-`. */
  file: string
  /** 0-based index of the YAML document in the file, empty documents included. */
  document: number
  /** 1-based line where the object's mapping starts. */
  line: number
  /** 0-based index inside the `items` of a `List`, when the object came from one. */
  item?: number
}

export interface SourcedObject {
  object: KubeObject
  source: ManifestSource
}

export const STDIN_FILE = '<stdin>'

/**
 * `file:line`, which editors and terminals turn into a link. The document is
 * added (1-based, as a reader counts `---` blocks) when it is not the first,
 * and the list item when there is one, because the line alone does not say it.
 */
export function formatSource(source: ManifestSource): string {
  const details: string[] = []
  if (source.document > 0) details.push(`document ${source.document + 1}`)
  if (source.item !== undefined) details.push(`items[${source.item}]`)
  const location = `${source.file}:${source.line}`
  return details.length === 0 ? location : `${location} (${details.join(', ')})`
}
