import type { Paragraph, Root } from 'mdast'

type Point = NonNullable<Root['position']>['start']

/*
 * Most comments are prose: words and everyday punctuation, in paragraphs. Parsing them as
 * Markdown finds nothing, yet drawing the first screen's cards spent more time in micromark than
 * in anything else of theirs. A body that holds nothing Markdown could read as syntax gets the
 * tree the parser would give it, built directly. What counts as "nothing" is deliberately narrow;
 * anything else goes to the parser (comment-markdown-parser.ts), and a seeded test checks the two
 * agree, positions and all.
 */

/**
 * Characters that mean something to CommonMark or GFM anywhere in a line (escapes, code, emphasis,
 * links, HTML, references, strikethrough, tables, e-mail autolinks), every control character but
 * the line feed, and the starts of bare URLs.
 */
const SYNTAX_ANYWHERE = /[\\`*_[\]<&~|@]|(?!\n)\p{Cc}|www\.|https?:|mailto:|xmpp:/iu

/**
 * What starts a block, or is stripped or makes a break, at a line's edge: a space at its start or
 * its end, a list or quote marker, a heading, a setext underline, an ordered list's number.
 */
const SYNTAX_AT_LINE_EDGE = /^[ \-+>=#]|^\p{Nd}+[.)]| $/mu

/** Whether Markdown would read `text` as nothing but paragraphs of its own characters. */
export function isPlainProse(text: string): boolean {
  return (
    text.length > 0 &&
    !text.startsWith('\n') &&
    !text.endsWith('\n') &&
    !SYNTAX_ANYWHERE.test(text) &&
    !SYNTAX_AT_LINE_EDGE.test(text)
  )
}

/**
 * The tree CommonMark and GFM give plain prose (see `isPlainProse`): a paragraph for each run of
 * lines between blank lines, holding them as one text whose soft line breaks stay line feeds.
 */
export function proseTree(text: string): Root {
  const children: Paragraph[] = []
  const lines = new LineCounter(text)
  for (const run of text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
    const start = lines.pointAt(run.index)
    const position = { start, end: lines.pointAt(run.index + run[0].length) }
    children.push({
      type: 'paragraph',
      children: [{ type: 'text', value: run[0], position }],
      position,
    })
  }
  const end = lines.pointAt(text.length)
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } }
}

/** Places in a text as unist counts them (lines and columns from 1, offsets from 0), in order. */
class LineCounter {
  private line = 1
  private lineStart = 0

  constructor(private readonly text: string) {}

  /** Asked for offsets that never go back. */
  pointAt(offset: number): Point {
    for (
      let at = this.text.indexOf('\n', this.lineStart);
      at !== -1 && at < offset;
      at = this.text.indexOf('\n', at + 1)
    ) {
      this.line += 1
      this.lineStart = at + 1
    }
    return { line: this.line, column: offset - this.lineStart + 1, offset }
  }
}
