import {UsageError} from '../errors/kubeline-error.js'

/** Every `-o` value a kubeline command may accept; each command allows a subset. */
export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'yaml', 'name', 'markdown'] as const

export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/**
 * Checks an `-o` value against the formats a command allows. An empty value is
 * the default human form, `table`. Unknown values fail with kubectl's own
 * message (cli-runtime `NoCompatiblePrinterError`: sorted, comma-joined).
 */
export function parseOutputFormat(value: string, allowed: readonly string[]): OutputFormat {
  const format = value === '' ? 'table' : value
  if (allowed.includes(format) && isOutputFormat(format)) return format
  const allowedList = [...allowed].sort().join(',')
  throw new UsageError(
    'INVALID_FLAG',
    `unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowedList}`,
  )
}

function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value)
}
