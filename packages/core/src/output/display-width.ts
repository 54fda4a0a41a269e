/**
 * How many terminal columns a string occupies, so that tables stay aligned
 * with CJK text and emoji (kubectl counts runes and misaligns them). Wide means
 * East Asian Wide/Fullwidth blocks and emoji presentation; marks, zero-width
 * joiners and variation selectors take no column. Per grapheme cluster, so an
 * emoji ZWJ sequence counts once. An approximation of UAX #11, good enough for
 * names and labels; ambiguous-width characters count as narrow.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length
  let width = 0
  for (const {segment} of graphemeSegmenter().segment(text)) width += graphemeWidth(segment)
  return width
}

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/
const WIDE =
  /[\p{Emoji_Presentation}\u{1100}-\u{115f}\u{2e80}-\u{303e}\u{3041}-\u{33ff}\u{3400}-\u{4dbf}\u{4e00}-\u{9fff}\u{a000}-\u{a4cf}\u{a960}-\u{a97f}\u{ac00}-\u{d7a3}\u{f900}-\u{faff}\u{fe10}-\u{fe19}\u{fe30}-\u{fe6f}\u{ff00}-\u{ff60}\u{ffe0}-\u{ffe6}\u{1b000}-\u{1b2ff}\u{1f200}-\u{1f2ff}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]/u
const ZERO_WIDTH = /^[\p{Mark}\p{Default_Ignorable_Code_Point}]+$/u

let graphemes: Intl.Segmenter | undefined

/** Made on first use: V8 builds its whole set of ICU locales for the first Segmenter, about 90M instructions. */
function graphemeSegmenter(): Intl.Segmenter {
  graphemes ??= new Intl.Segmenter('en', {granularity: 'grapheme'})
  return graphemes
}

function graphemeWidth(grapheme: string): number {
  if (WIDE.test(grapheme)) return 2
  return ZERO_WIDTH.test(grapheme) ? 0 : 1
}
