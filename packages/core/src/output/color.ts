/**
 * Whether to colour what goes to `stream`, by kubectl's rule (cli-runtime
 * printers/terminal.go `AllowsColorOutput`): only on a terminal, only when
 * `TERM` is not `dumb` and `NO_COLOR` is not set at all (even empty disables).
 * `FORCE_COLOR` wins over all of it, as in Node: any non-empty value forces
 * colour on, except `0` and `false`, which force it off.
 */
export function colorEnabled(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false'
  return stream.isTTY === true && env.TERM !== 'dumb' && env.NO_COLOR === undefined
}

export interface Paint {
  red: (text: string) => string
  yellow: (text: string) => string
  green: (text: string) => string
  bold: (text: string) => string
  dim: (text: string) => string
}

/** SGR styles that return the text unchanged when colour is off. */
export function paint(enabled: boolean): Paint {
  const style = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text)
  return {red: style(31, 39), yellow: style(33, 39), green: style(32, 39), bold: style(1, 22), dim: style(2, 22)}
}
