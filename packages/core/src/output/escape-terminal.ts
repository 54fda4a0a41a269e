/**
 * Makes untrusted text (object names, labels, server messages) safe to print
 * on a terminal. kubectl's printers/terminal.go replaces ESC with `^[` and CR
 * with `\r` (the terminal-escape fix for kubernetes#101695); we do the same and
 * go further, because any other control character can also move the cursor or
 * break a table row:
 *
 * - TAB and LF become `\t` and `\n` (they would break a table's columns and
 *   rows); `keepLineBreaks` keeps them for free-form messages;
 * - other C0 controls and DEL use caret notation (`^@` … `^_`, `^?`);
 * - C1 controls (U+0080–U+009F; U+009B is an 8-bit CSI) and the bidi
 *   overrides that can make text read backwards become `\u{…}`.
 */
export function escapeTerminal(text: string, options: {keepLineBreaks?: boolean} = {}): string {
  const unsafe = options.keepLineBreaks ? UNSAFE_KEEPING_LINE_BREAKS : UNSAFE
  return text.replace(unsafe, (character) => escapeCharacter(character))
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_KEEPING_LINE_BREAKS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu

const NAMED_ESCAPES: Record<string, string> = {'\r': '\\r', '\n': '\\n', '\t': '\\t'}

function escapeCharacter(character: string): string {
  const named = NAMED_ESCAPES[character]
  if (named !== undefined) return named
  const code = character.codePointAt(0) ?? 0
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`
  if (code === 0x7f) return '^?'
  return `\\u{${code.toString(16)}}`
}
