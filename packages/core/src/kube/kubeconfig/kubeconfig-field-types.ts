import {UsageError} from '../../errors/kubeline-error.js'

/** What client-go's decoder accepts in a field; null (or absence) it accepts everywhere and leaves empty. */
type FieldType = 'string' | 'boolean' | 'strings' | 'mapping' | 'list'

/**
 * The typed fields of kubeconfig v1 (client-go tools/clientcmd/api/v1 types.go: Config, Cluster,
 * AuthInfo, Context, AuthProviderConfig, ExecConfig, ExecEnvVar). client-go decodes the YAML as
 * JSON into those structs and refuses the whole file when a field holds another type; unknown
 * fields it ignores, and so do we. A path is keys joined by `.`: `env[]` steps into each item of
 * the list `env`, `*` into each value of a mapping. The []byte fields (`*-data`) are base64 text
 * (Go would also take a list of byte numbers; nobody writes that).
 */
const FIELD_TYPES: Record<'config' | 'cluster' | 'user' | 'context', Record<string, FieldType>> = {
  config: {apiVersion: 'string', kind: 'string', 'current-context': 'string'},
  cluster: {
    server: 'string',
    'tls-server-name': 'string',
    'insecure-skip-tls-verify': 'boolean',
    'certificate-authority': 'string',
    'certificate-authority-data': 'string',
    'proxy-url': 'string',
    'disable-compression': 'boolean',
  },
  user: {
    'client-certificate': 'string',
    'client-certificate-data': 'string',
    'client-key': 'string',
    'client-key-data': 'string',
    token: 'string',
    tokenFile: 'string',
    as: 'string',
    'as-uid': 'string',
    'as-groups': 'strings',
    'as-user-extra.*': 'strings',
    username: 'string',
    password: 'string',
    'auth-provider.name': 'string',
    'auth-provider.config.*': 'string',
    'exec.command': 'string',
    'exec.args': 'strings',
    'exec.env[].name': 'string',
    'exec.env[].value': 'string',
    'exec.apiVersion': 'string',
    'exec.installHint': 'string',
    'exec.provideClusterInfo': 'boolean',
    'exec.interactiveMode': 'string',
  },
  context: {cluster: 'string', user: 'string', namespace: 'string'},
}

export type FieldOwner = keyof typeof FIELD_TYPES

const EXPECTED: Record<FieldType, string> = {
  string: 'a string',
  boolean: 'true or false',
  strings: 'a list of strings',
  mapping: 'a mapping',
  list: 'a list',
}

const FIX: Record<FieldType, string> = {
  string: 'Quote the value (e.g. "yes", "0123"); kubectl refuses a boolean, number, list or mapping there too.',
  boolean: 'Write true or false without quotes; kubectl refuses any other value there too.',
  strings: 'Write a list of quoted strings; kubectl refuses anything else there too.',
  mapping: 'Write the fields as a mapping; kubectl refuses anything else there too.',
  list: 'Write a list; kubectl refuses anything else there too.',
}

interface Field {
  path: string
  value: unknown
  type: FieldType
}

/**
 * Refuses `holder` (the whole file, or one entry of `owner` kind named in `where`, e.g. `cluster "prod"`)
 * when a field of FIELD_TYPES, or a mapping or list on its path, holds a value of another type.
 */
export function checkFieldTypes(holder: unknown, owner: FieldOwner, where: string, file: string): void {
  const fields: Field[] = [{path: '', value: holder, type: 'mapping'}]
  if (isMapping(holder)) {
    for (const [fieldPath, type] of Object.entries(FIELD_TYPES[owner])) fields.push(...fieldsAt(holder, fieldPath, type, ''))
  }
  const wrong = fields.find((field) => !hasType(field.value, field.type))
  if (wrong === undefined) return
  const subject = [where, wrong.path === '' ? '' : `"${wrong.path}"`].filter((part) => part !== '').join(': ')
  throw new UsageError('INVALID_KUBECONFIG', `kubeconfig "${file}": ${subject} must be ${EXPECTED[wrong.type]}, not ${describe(wrong.value)}`, {
    fix: FIX[wrong.type],
  })
}

/** The values that `fieldPath` reaches in `holder`, each with its type; a mapping or list on the way is a field too. */
function fieldsAt(holder: Record<string, unknown>, fieldPath: string, type: FieldType, shownPrefix: string): Field[] {
  const [step, rest] = splitFirst(fieldPath)
  const isList = step.endsWith('[]')
  const keys = step === '*' ? Object.keys(holder) : [isList ? step.slice(0, -2) : step]
  return keys.flatMap((key): Field[] => {
    const value = holder[key]
    const shown = shownPrefix === '' ? key : `${shownPrefix}.${key}`
    if (rest === undefined) return [{path: shown, value, type}]
    if (!isList) return isMapping(value) ? fieldsAt(value, rest, type, shown) : [{path: shown, value, type: 'mapping'}]
    if (!Array.isArray(value)) return [{path: shown, value, type: 'list'}]
    return value.flatMap((item: unknown, index): Field[] =>
      isMapping(item) ? fieldsAt(item, rest, type, `${shown}[${index}]`) : [{path: `${shown}[${index}]`, value: item, type: 'mapping'}],
    )
  })
}

function splitFirst(fieldPath: string): [string, string | undefined] {
  const dot = fieldPath.indexOf('.')
  return dot < 0 ? [fieldPath, undefined] : [fieldPath.slice(0, dot), fieldPath.slice(dot + 1)]
}

function hasType(value: unknown, type: FieldType): boolean {
  if (value === undefined || value === null) return true
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'strings':
      return Array.isArray(value) && value.every((item) => item === null || typeof item === 'string')
    case 'mapping':
      return isMapping(value)
    case 'list':
      return Array.isArray(value)
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** How YAML read a value, for messages: a list of strings that holds a number says so. */
function describe(value: unknown): string {
  if (Array.isArray(value)) {
    const odd = value.find((item) => item !== null && typeof item !== 'string')
    return odd === undefined ? 'a list' : `a list holding ${describe(odd)}`
  }
  return isMapping(value) ? 'a mapping' : `a ${typeof value}`
}
