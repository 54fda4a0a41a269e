/**
 * Label key and value syntax, as the API server checks it
 * (apimachinery pkg/api/validate/content/kube.go IsLabelKey / IsLabelValue, which
 * pkg/util/validation re-exports as IsQualifiedName / IsValidLabelValue).
 *
 * Each function returns the list of problems; an empty list means valid.
 * Lengths are counted in UTF-8 bytes, as Go does.
 */

const LABEL_NAME_MAX_BYTES = 63
const LABEL_VALUE_MAX_BYTES = 63
const DNS1123_SUBDOMAIN_MAX_BYTES = 253

const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

const LABEL_NAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc')"
const LABEL_VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', 'my_value' or '12345')"
const DNS1123_SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')"

const utf8 = new TextEncoder()

function byteLength(text: string): number {
  return utf8.encode(text).length
}

/** Problems with a label key (a "qualified name": an optional DNS subdomain prefix, "/", and a name). */
export function labelKeyProblems(key: string): string[] {
  const parts = key.split('/')
  if (parts.length > 2) {
    return [`a valid label key ${LABEL_NAME_RULE}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]
  }
  const problems: string[] = []
  const name = parts.at(-1) ?? ''
  if (parts.length === 2) problems.push(...prefixProblems(parts[0] ?? ''))
  if (name === '') problems.push('name part must be non-empty')
  else if (byteLength(name) > LABEL_NAME_MAX_BYTES) problems.push(`name part must be no more than ${LABEL_NAME_MAX_BYTES} bytes`)
  if (!LABEL_NAME.test(name)) problems.push(`name part ${LABEL_NAME_RULE}`)
  return problems
}

function prefixProblems(prefix: string): string[] {
  if (prefix === '') return ['prefix part must be non-empty']
  return dns1123SubdomainProblems(prefix).map((problem) => `prefix part ${problem}`)
}

function dns1123SubdomainProblems(text: string): string[] {
  const problems: string[] = []
  if (byteLength(text) > DNS1123_SUBDOMAIN_MAX_BYTES) problems.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX_BYTES} bytes`)
  if (!DNS1123_SUBDOMAIN.test(text)) problems.push(DNS1123_SUBDOMAIN_RULE)
  return problems
}

/** Problems with a label value; the empty string is a valid value. */
export function labelValueProblems(value: string): string[] {
  const problems: string[] = []
  if (byteLength(value) > LABEL_VALUE_MAX_BYTES) problems.push(`must be no more than ${LABEL_VALUE_MAX_BYTES} bytes`)
  if (!LABEL_VALUE.test(value)) problems.push(LABEL_VALUE_RULE)
  return problems
}
