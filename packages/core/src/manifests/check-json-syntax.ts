import {throwInvalidManifest} from './invalid-manifest.js'

/**
 * kubectl decodes a manifest as JSON when its first non-blank character is `{`, whatever the
 * file is called or when it comes from stdin (apimachinery pkg/util/yaml/decoder.go
 * GuessJSONStream), and its JSON decoder is strict: a trailing comma, a comment or an unquoted
 * key is an error, though YAML would read them.
 */
export function looksLikeJson(text: string): boolean {
  return text.trimStart().startsWith('{')
}

/** Throws `file:line: invalid JSON: problem (column n)` unless `text` is one strict JSON value. */
export function checkJsonSyntax(text: string, file: string): void {
  try {
    JSON.parse(text)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    const position = /^(?<problem>.*?) in JSON at position (?<offset>\d+)/.exec(error.message)?.groups
    if (position?.problem === undefined || position.offset === undefined) throwInvalidManifest(file, `invalid JSON: ${error.message}`)
    const before = text.slice(0, Number(position.offset))
    const line = before.split('\n').length
    const column = before.length - before.lastIndexOf('\n')
    throwInvalidManifest(`${file}:${line}`, `invalid JSON: ${position.problem} (column ${column})`)
  }
}
