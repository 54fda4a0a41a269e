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

/**
 * The values of a JSON stream (objects one after another, as kubectl's JSON decoder reads them), each
 * checked as strict JSON and preceded by as many newlines as come before it in `text`, so that reading
 * it as YAML gives the file's own line numbers. Throws `file:line: invalid JSON: problem (column n)`.
 */
export function jsonValueTexts(text: string, file: string): string[] {
  const values: string[] = []
  let start = text.search(/\S/)
  while (start !== -1) {
    const end = text[start] === '{' ? objectEnd(text, start) : start
    checkJsonValue(text, start, end === start ? text.length : end, file)
    values.push('\n'.repeat(lineOf(text, start) - 1) + text.slice(start, end))
    const next = text.slice(end).search(/\S/)
    start = next === -1 ? -1 : end + next
  }
  return values
}

/** The index after the `}` that closes the object opening at `start`, or `start` when it is never closed. */
function objectEnd(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') depth++
    else if ((char === '}' || char === ']') && --depth === 0) return i + 1
  }
  return start
}

function checkJsonValue(text: string, start: number, end: number, file: string): void {
  try {
    JSON.parse(text.slice(start, end))
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    const position = /^(?<problem>.*?) in JSON at position (?<offset>\d+)/.exec(error.message)?.groups
    if (position?.problem === undefined || position.offset === undefined) throwInvalidManifest(`${file}:${lineOf(text, start)}`, `invalid JSON: ${error.message}`)
    const at = start + Number(position.offset)
    throwInvalidManifest(`${file}:${lineOf(text, at)}`, `invalid JSON: ${position.problem} (column ${at - text.lastIndexOf('\n', at - 1)})`)
  }
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length
}
