/**
 * Escaping of plain text for the Markdown writer: after it, a text reads back (CommonMark + GFM)
 * as exactly that text, and makes no heading, quote, list item, table, link, emphasis, code or
 * HTML wherever the writer puts it in a line.
 */

/** Where a run of text sits in its line, which decides what must be escaped. */
export interface TextPlace {
  /** The text starts a line of its block: `#`, `>`, `-`, `+`, `=`, "1." would start a block. */
  readonly atLineStart: boolean
  /** The text ends a line of its block: trailing spaces would be dropped or make a hard break. */
  readonly atLineEnd: boolean
}

/**
 * Characters that can start or end an inline construct anywhere in a line: escapes, code,
 * emphasis, links, HTML and autolinks, GFM strikethrough and table cells. `_` between two letters
 * or digits opens and closes nothing, so it stays as typed ("snake_case").
 */
const INLINE_SIGNIFICANT = /[\\`*[\]<~|]|_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_/gu
/** "&amp;", "&#38;": a character reference would be read as the character it names. */
const REFERENCE_AMPERSAND = /&(?=[#A-Za-z])/gu
/**
 * What GFM reads as the start of a bare link (www.x, http://, mail@x), as mdast-util-gfm escapes
 * it. micromark links them all the same, the text unchanged; but after "www." it would keep the
 * backslash of a later escape ("www.a\\<b") as text, unless that dot is escaped.
 */
const AUTOLINK_LITERAL = /(?<=[Ww])\.|(?<=[ps]):(?=\/)|(?<=[+\-.\w])@(?=[-.\w])/gu
/** Block starts: ATX heading, quote, bullet, setext underline, ordered list marker. */
const LINE_START_MARKER = /^(?:[#>+=-]|\d+(?=[.)]))/u

/** Text of one line or more ("\n" between lines), escaped for where it is written. */
export function escapeText(text: string, place: TextPlace): string {
  if (!text.includes('\n')) return escapeLine(text, place)
  const lines = text.split('\n')
  const last = lines.length - 1
  return lines
    .map((line, index) =>
      escapeLine(line, {
        atLineStart: index > 0 || place.atLineStart,
        atLineEnd: index < last || place.atLineEnd,
      }),
    )
    .join('\n')
}

/** Whether a line holds anything the three patterns above could escape (most prose does not). */
const MAYBE_SIGNIFICANT = /[\\`*[\]<~|_&@]|[Ww]\.|[ps]:\//u

function escapeLine(line: string, place: TextPlace): string {
  let out = MAYBE_SIGNIFICANT.test(line)
    ? line
        .replace(INLINE_SIGNIFICANT, '\\$&')
        .replace(REFERENCE_AMPERSAND, '\\&')
        .replace(AUTOLINK_LITERAL, '\\$&')
    : line
  if (place.atLineStart) {
    const marker = LINE_START_MARKER.exec(out)
    if (marker !== null) {
      // "1." is a list marker only with its dot: escape the dot, not the digits.
      out = /\d/u.test(marker[0]) ? `${marker[0]}\\${out.slice(marker[0].length)}` : `\\${out}`
    }
    // Leading spaces and tabs would be dropped (or make indented code): keep them as references.
    const first = out[0]
    if (first === ' ' || first === '\t') out = characterReference(first) + out.slice(1)
  }
  if (place.atLineEnd) {
    const last = out.at(-1)
    if (last === ' ' || last === '\t') out = out.slice(0, -1) + characterReference(last)
  }
  return out
}

function characterReference(character: string): string {
  return `&#x${(character.codePointAt(0) ?? 0).toString(16).toUpperCase()};`
}
