import {LineCounter, isMap, isSeq, parseAllDocuments} from 'yaml'
import type {Document, DocumentOptions, Node, ParseOptions, SchemaOptions, ToJSOptions} from 'yaml'
import {throwInvalidManifest} from './invalid-manifest.js'
import {formatSource} from './manifest-source.js'
import type {SourcedObject} from './manifest-source.js'
import {checkKubeObject, isListObject} from './check-kube-object.js'
import {checkBuiltInObject} from './check-built-in-object.js'
import {jsonValueTexts, looksLikeJson} from './check-json-syntax.js'
import {checkObjectNamed} from './check-object-named.js'
import {KUBECTL_YAML_OPTIONS, MAX_ALIAS_COUNT} from './kubectl-yaml.js'

export interface ParseManifestsOptions {
  /**
   * Also refuse what the API server would: an unknown kind or version of a built-in group, or a
   * name its kind does not allow. Off by default: commands that only read the objects they know
   * (and leave the rest to the cluster) need not care.
   */
  validateBuiltIns?: boolean
  /**
   * The objects are to be applied (plan mode, netpol-test's "what if I apply these"): each needs a
   * name or a generateName, as the API server requires of any kind. Not for a file read as a
   * template (rollout-canary start -f), whose name is not used.
   */
  requireNames?: boolean
}

export {MAX_ALIAS_COUNT}

// Error positions are formatted here from the line counter, so yaml's own excerpt is not wanted.
const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {...KUBECTL_YAML_OPTIONS, prettyErrors: false}

const TO_JS_OPTIONS: ToJSOptions = {maxAliasCount: MAX_ALIAS_COUNT}

interface DocumentContext extends ParseManifestsOptions {
  file: string
  document: number
  lineCounter: LineCounter
}

/**
 * Decodes the text of one manifest file (YAML with any number of documents, or
 * JSON) into objects that remember where they came from. Empty documents are
 * skipped; `List` kinds are expanded into their items. Any malformed input is a
 * `UsageError('INVALID_MANIFEST', 'file:line: problem')`. Text that starts with `{` is a
 * stream of strict JSON objects, as for kubectl; each is then read like YAML for the line numbers.
 */
export function parseManifests(text: string, file: string, options: ParseManifestsOptions = {}): SourcedObject[] {
  let index = 0
  return (looksLikeJson(text) ? jsonValueTexts(text, file) : [text]).flatMap((yaml) => {
    const lineCounter = new LineCounter()
    return Array.from(parseAllDocuments(yaml, {...PARSE_OPTIONS, lineCounter})).flatMap((document) =>
      documentObjects(document, {...options, file, document: index++, lineCounter}),
    )
  })
}

function documentObjects(document: Document.Parsed, context: DocumentContext): SourcedObject[] {
  const [error] = document.errors
  if (error) {
    const {line, col} = context.lineCounter.linePos(error.pos[0])
    throwInvalidManifest(`${context.file}:${line}`, `${error.message} (column ${col})`)
  }
  const root = document.contents
  if (root === null || isNullScalar(root)) return []
  const line = lineOf(root, context)
  if (!isMap(root)) throwInvalidManifest(`${context.file}:${line}`, `expected a mapping with apiVersion and kind, got ${describeNode(root)}`)
  return sourcedObjects(toPlainValue(document, context.file, line), root, context, undefined)
}

function sourcedObjects(value: unknown, node: Node, context: DocumentContext, item: number | undefined): SourcedObject[] {
  const source = {file: context.file, document: context.document, line: lineOf(node, context), ...(item === undefined ? {} : {item})}
  const at = `${source.file}:${source.line}`
  const object = checkKubeObject(value, at)
  if (!isListObject(object)) {
    if (context.requireNames === true) checkObjectNamed(object, formatSource(source))
    if (context.validateBuiltIns === true) checkBuiltInObject(object, at)
    return [{object, source}]
  }
  const itemNodes = listItemNodes(node)
  return object.items.flatMap((itemValue, index) => sourcedObjects(itemValue, itemNodes[index] ?? node, context, index))
}

/** The nodes of a list's `items`, used only for their line numbers. */
function listItemNodes(listNode: Node): Node[] {
  if (!isMap(listNode)) return []
  const items: unknown = listNode.get('items', true)
  return isSeq(items) ? (items.items as Node[]) : []
}

function toPlainValue(document: Document.Parsed, file: string, line: number): unknown {
  try {
    return document.toJS(TO_JS_OPTIONS)
  } catch (error) {
    // The yaml package throws a ReferenceError for alias bombs and unresolved aliases.
    const message = error instanceof Error ? error.message : String(error)
    if (/excessive alias count/i.test(message)) {
      throwInvalidManifest(
        `${file}:${line}`,
        `YAML aliases expand beyond the limit of ${MAX_ALIAS_COUNT} (one anchor used too often, or aliases nested exponentially); refusing a possible "billion laughs" input`,
      )
    }
    throwInvalidManifest(`${file}:${line}`, message)
  }
}

function lineOf(node: Node, context: DocumentContext): number {
  const offset = node.range?.[0]
  return offset === undefined ? 1 : context.lineCounter.linePos(offset).line
}

function isNullScalar(node: Node): boolean {
  return !isMap(node) && !isSeq(node) && 'value' in node && node.value === null
}

function describeNode(node: Node): string {
  if (isSeq(node)) return 'a sequence'
  if ('value' in node) return `the scalar ${JSON.stringify(node.value)}`
  return 'an alias'
}
