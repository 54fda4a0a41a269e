/**
 * A fast reader for the YAML that kubectl and client-go write for kubeconfigs: block mappings
 * and block sequences of one-line scalars. Loading the `yaml` package costs several
 * milliseconds of every start-up; this reader handles the common form and returns exactly what
 * `parse(text, KUBECONFIG_YAML_OPTIONS)` from `yaml` returns (YAML 1.1, as kubectl reads it:
 * `no` is false), or undefined (declined) for anything outside its subset, so the caller can
 * fall back to `yaml`. When in doubt it declines.
 */

import type {DocumentOptions, SchemaOptions, ToJSOptions} from 'yaml'
import {KUBECTL_YAML_OPTIONS, MAX_ALIAS_COUNT} from '../../manifests/kubectl-yaml.js'

/** The fallback parse this reader must agree with. */
export const KUBECONFIG_YAML_OPTIONS: DocumentOptions & SchemaOptions & ToJSOptions = {...KUBECTL_YAML_OPTIONS, maxAliasCount: MAX_ALIAS_COUNT}

// Control characters (all but '\n'), DEL, C1, U+2028/9, surrogates (so all of non-BMP), the BOM
// and the noncharacters U+FFFE/F: each is either an error, a line break or a rarity to `yaml`.
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHAR = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/
const ENTRY = /^([A-Za-z_][A-Za-z0-9_./-]*):(?: +(.*))?$/
// `yaml` rejects implicit keys longer than this.
const MAX_KEY_LENGTH = 1024
// Deeper nesting needs more indentation; bounding it bounds the recursion.
const MAX_INDENT = 128
const DOCUMENT_MARKER_OR_DIRECTIVE = /^(?:---|\.\.\.|%)/
const DOUBLE_QUOTED = /^"([^"\\]*)"$/
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/
// Indicators that start something other than a one-line plain scalar (or an error).
const NOT_PLAIN_START = /^(?:[[\]{},#&*!|>'"%@`]|[?:-](?: |$))/

// The YAML 1.1 schema's tests that KUBECTL_YAML_OPTIONS keeps, as in yaml@2.9.1
// dist/schema/common/null.js and yaml-1.1/{bool,int,float}.js. Timestamps and sexagesimal
// numbers (`1:20`) are dropped from that schema: they stay strings. `<<` is a merge key only
// as a key, which ENTRY cannot match.
const NULL = /^(?:~|[Nn]ull|NULL)?$/
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/
const NUMBERS = [
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
]

/** Thrown inside the reader to unwind to parsePlainBlockYaml, which returns undefined. */
const DECLINED = new Error('declined')

function decline(): never {
  throw DECLINED
}

interface Line {
  indent: number
  text: string
}

/** The top-level mapping of a kubeconfig in kubectl's form, or undefined when the text is anything else. */
export function parsePlainBlockYaml(text: string): Record<string, unknown> | undefined {
  if (UNSUPPORTED_CHAR.test(text)) return undefined
  try {
    const lines = contentLines(text)
    // An empty document is null to `yaml`, not a mapping.
    if (lines.length === 0) decline()
    // mapping(0) consumes every line: any line is at indentation 0 (an entry) or deeper (declined).
    return new BlockReader(lines).mapping(0)
  } catch (err) {
    if (err === DECLINED) return undefined
    throw err
  }
}

/** The lines that carry content, without trailing spaces, blank lines, comments and a leading `---`. */
function contentLines(text: string): Line[] {
  const lines: Line[] = []
  let sawDocumentStart = false
  for (const raw of text.split('\n')) {
    // The lookbehind keeps this linear on long runs of inner spaces.
    const trimmed = raw.replace(/(?<! ) +$/, '')
    const content = trimmed.replace(/^ +/, '')
    if (content === '' || content.startsWith('#')) continue
    if (trimmed === '---' && lines.length === 0 && !sawDocumentStart) {
      sawDocumentStart = true
      continue
    }
    if (DOCUMENT_MARKER_OR_DIRECTIVE.test(trimmed)) decline()
    const indent = trimmed.length - content.length
    if (indent > MAX_INDENT) decline()
    lines.push({indent, text: content})
  }
  return lines
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ')
}

/** Recursive descent by indentation; `pos` is the next line to read. */
class BlockReader {
  private pos = 0

  constructor(private readonly lines: Line[]) {}

  /** Entries at exactly `col`; a deeper line here (e.g. a multi-line scalar) declines. */
  mapping(col: number): Record<string, unknown> {
    const map: Record<string, unknown> = {}
    while (this.pos < this.lines.length && this.lines[this.pos].indent >= col) {
      const line = this.lines[this.pos]
      const entry = line.indent === col ? ENTRY.exec(line.text) : null
      if (!entry) decline()
      const [, key, value] = entry
      // Null, bool and number words resolve to non-string keys; duplicates are an error in `yaml`.
      if (key.length > MAX_KEY_LENGTH || key === '__proto__' || plainScalar(key) !== key || Object.hasOwn(map, key)) decline()
      this.pos++
      map[key] = value === undefined ? this.emptyValue(col, true) : scalar(value)
    }
    return map
  }

  /** Items `-` at exactly `col`; stops at a non-item line at `col` (the parent mapping's next key). */
  private sequence(col: number): unknown[] {
    const items: unknown[] = []
    while (this.pos < this.lines.length && this.lines[this.pos].indent >= col) {
      const line = this.lines[this.pos]
      if (line.indent > col) decline()
      if (!isSequenceItem(line.text)) break
      const afterDash = line.text.slice(1)
      const content = afterDash.replace(/^ +/, '')
      if (content === '') {
        this.pos++
        items.push(this.emptyValue(col, false))
      } else if (isSequenceItem(content)) {
        decline()
      } else if (ENTRY.test(content)) {
        // A compact mapping: its column is where its first key starts.
        const mappingCol = col + 1 + afterDash.length - content.length
        this.lines[this.pos] = {indent: mappingCol, text: content}
        items.push(this.mapping(mappingCol))
      } else {
        this.pos++
        items.push(scalar(content))
      }
    }
    return items
  }

  /**
   * The node after `key:` or `-`: a deeper block, or (for a mapping value only) a sequence at
   * the key's own indentation as kubectl writes `clusters:\n- cluster:`; else null.
   */
  private emptyValue(col: number, isMappingValue: boolean): unknown {
    const next = this.lines[this.pos] as Line | undefined
    if (next === undefined) return null
    if (next.indent > col) return isSequenceItem(next.text) ? this.sequence(next.indent) : this.mapping(next.indent)
    if (isMappingValue && next.indent === col && isSequenceItem(next.text)) return this.sequence(col)
    return null
  }
}

/** A one-line scalar. */
function scalar(text: string): unknown {
  if (text === '{}') return {}
  if (text === '[]') return []
  const doubleQuoted = DOUBLE_QUOTED.exec(text)
  if (doubleQuoted) return doubleQuoted[1]
  const singleQuoted = SINGLE_QUOTED.exec(text)
  if (singleQuoted) return singleQuoted[1].replaceAll("''", "'")
  // ' #' starts a comment, ': ' a mapping, a final ':' an empty-valued key.
  if (NOT_PLAIN_START.test(text) || text.includes(' #') || text.includes(': ') || text.endsWith(':')) decline()
  return plainScalar(text)
}

/** A plain scalar resolved as YAML 1.1 does; numbers decline (rare here, left to `yaml`). */
function plainScalar(text: string): string | boolean | null {
  if (NULL.test(text)) return null
  if (TRUE.test(text)) return true
  if (FALSE.test(text)) return false
  if (NUMBERS.some((test) => test.test(text))) decline()
  return text
}
