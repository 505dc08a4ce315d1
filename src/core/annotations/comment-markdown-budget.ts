/**
 * Whether a comment body may be formatted as Markdown, decided before parsing it.
 *
 * The parser (micromark, through mdast-util-from-markdown) is linear on prose but not on markup:
 * emphasis, strikethrough, labels and bare links in one paragraph are matched by walking back
 * over the paragraph and splicing its list of tokens, so their cost grows with their number
 * squared; every list item, quote, heading and table row splices the document's tokens, so their
 * cost grows with their number times the document's size; an unclosed code span, HTML comment or
 * link title reads to the end of its paragraph, and each one reads it again. A body within the
 * length limit could take a minute, on the main thread, and bodies come from classmates and
 * imports as well as from the composer. So a body whose markup would cost more than a card may
 * take is shown as its plain text instead; ordinary comments are far below that.
 *
 * The estimate is one pass over the text. It counts what the parser's costs depend on, over
 * each run of non-blank lines (a paragraph never spans a blank line, so a run holds at least a
 * whole paragraph), and weighs the counts by what each cost on the development machine. The
 * weights were fitted on some seventy kinds of input (each kind of mark alone, in runs and
 * nested; blocks of each kind; and mixtures), each at the largest size still formatted: none of
 * those parses in more than about 25 ms there. The text itself is not counted: prose parses in
 * linear time, bounded by the length limit.
 */

/**
 * How many containers (quotes, list items, footnote definitions) one line may be inside, by its
 * markers and indentation, for the body to be formatted. Comments nest a few levels.
 */
export const MAX_FORMATTED_NESTING = 32

/** Estimated parse time, in microseconds on the development machine, beyond which a body is plain. */
export const FORMATTING_BUDGET_MICROS = 25_000

/** What the parser's cost depends on, counted in one pass over a body. */
export interface MarkdownWorkload {
  /** Lines, blank or not: each costs the parser a few tens of microseconds. */
  readonly lines: number
  /** Characters that may be inline markup: each is a token or the start of a construct. */
  readonly marks: number
  /** Line-leading markers (quote, list item, heading, rule, fence, table row, HTML block). */
  readonly blocks: number
  /** The containers each line may be inside, summed over lines. */
  readonly continuations: number
  /**
   * Per run of lines, delimiters matched by walking back times the tokens walked over; and per
   * line, table cells squared.
   */
  readonly walksBack: number
  /** Per run of lines: openers that may read to its end, times its length. */
  readonly readsAhead: number
  /** The most containers one line may be inside (its markers, and its indentation / 2). */
  readonly deepestLine: number
}

/** The body is formatted as Markdown unless its markup would cost too much to parse. */
export function mayFormatAsMarkdown(markdown: string): boolean {
  const workload = markdownWorkload(markdown)
  return (
    workload.deepestLine <= MAX_FORMATTED_NESTING &&
    estimatedParseMicros(workload) <= FORMATTING_BUDGET_MICROS
  )
}

/** Microseconds each unit of a workload cost at most, on the input of each kind that costs most. */
const MICROS_PER = {
  line: 20,
  mark: 10,
  /** A block marker, times the document's tokens (see `estimatedParseMicros`). */
  blockTimesDocument: 0.05,
  continuation: 8,
  walkBack: 0.04,
  readAhead: 0.03,
}

/** How long the parser would take, in microseconds on the development machine. */
export function estimatedParseMicros(workload: MarkdownWorkload): number {
  // The parser makes a few tokens of each line, mark, block marker and container continued.
  const tokens = workload.lines + workload.marks + workload.blocks + workload.continuations
  return (
    workload.lines * MICROS_PER.line +
    workload.marks * MICROS_PER.mark +
    workload.blocks * tokens * MICROS_PER.blockTimesDocument +
    workload.continuations * MICROS_PER.continuation +
    workload.walksBack * MICROS_PER.walkBack +
    workload.readsAhead * MICROS_PER.readAhead
  )
}

/**
 * A code span reads ahead to the next run of as many backticks, and reads its characters more
 * slowly than an HTML comment does: each run length present in a paragraph may read it once.
 */
const CODE_READ_WEIGHT = 15

const TAB = 9
const LF = 10
const CR = 13
const SPACE = 32

/** Count what the parser's cost depends on, line by line; see `MarkdownWorkload`. */
export function markdownWorkload(markdown: string): MarkdownWorkload {
  const counts = { lines: 0, marks: 0, blocks: 0, continuations: 0, walksBack: 0, readsAhead: 0 }
  let deepestLine = 0
  let run = new RunOfLines()
  const endRun = (): void => {
    counts.walksBack += run.walkers * (run.walkers + run.lines)
    counts.readsAhead += (run.readers + CODE_READ_WEIGHT * run.codeLengths.size) * run.chars
    run = new RunOfLines()
  }

  let start = 0
  while (start <= markdown.length) {
    let end = start
    while (end < markdown.length && !isLineEnding(markdown.charCodeAt(end))) end += 1
    counts.lines += 1
    const prefix = linePrefix(markdown, start, end)
    if (prefix.startsBlock || (prefix.end === end && prefix.markers === 0)) endRun()
    if (prefix.end < end || prefix.markers > 0) {
      const leaf = LEAF_BLOCK_STARTS.has(markdown.charCodeAt(prefix.end)) ? 1 : 0
      counts.blocks += prefix.markers + leaf
      counts.continuations += prefix.depth
      deepestLine = Math.max(deepestLine, prefix.depth)
      run.chars += end - start + 1
      run.lines += 1
      const cells = countInline(markdown, prefix.end, end, run)
      counts.marks += cells.marks
      counts.walksBack += cells.pipes * cells.pipes
    }
    // A CR LF is one line ending, as the parser reads it.
    if (markdown.charCodeAt(end) === CR && markdown.charCodeAt(end + 1) === LF) end += 1
    start = end + 1
  }
  endRun()
  return { ...counts, deepestLine }
}

/** What one run of non-blank lines holds so far. */
class RunOfLines {
  chars = 0
  lines = 0
  walkers = 0
  readers = 0
  readonly codeLengths = new Set<number>()
}

/** The inline marks of one line (from `start` to `end`) into its run; its marks and its "|". */
function countInline(
  text: string,
  start: number,
  end: number,
  run: RunOfLines,
): { marks: number; pipes: number } {
  let marks = 0
  let pipes = 0
  for (let at = start; at < end; at += 1) {
    const code = text.charCodeAt(at)
    if (code === BACKTICK) {
      const first = at
      while (text.charCodeAt(at + 1) === BACKTICK) at += 1
      run.codeLengths.add(at - first + 1)
    } else if (WALKS_BACK.has(code) || startsBareLink(text, at)) {
      run.walkers += 1
    } else if (
      code === LESS_THAN ||
      (code === PAREN && text.charCodeAt(at - 1) === BRACKET_CLOSE)
    ) {
      run.readers += 1
    } else if (code === PIPE) {
      pipes += 1
    } else if (code !== EXCLAMATION) {
      continue
    }
    marks += 1
  }
  return { marks, pipes }
}

const BACKTICK = 0x60
const LESS_THAN = 0x3c
const PAREN = 0x28
const BRACKET_CLOSE = 0x5d
const PIPE = 0x7c
const EXCLAMATION = 0x21

/** Matched by walking back: emphasis, strikethrough, labels; and what may make a bare link. */
const WALKS_BACK = new Set([...'*_~[]@&\\'].map((char) => char.charCodeAt(0)))
/** What may start a leaf block after the containers: heading, rule, underline, fence, row, HTML. */
const LEAF_BLOCK_STARTS = new Set([...'#=-*_`~|<+'].map((char) => char.charCodeAt(0)))

function isLineEnding(code: number): boolean {
  return code === LF || code === CR
}

/** "www." or "://" (bare URLs), starting at `at`, in any case. */
function startsBareLink(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  if (code === 0x3a) return text.startsWith('//', at + 1)
  return (code === 0x77 || code === 0x57) && /^www\./iu.test(text.slice(at, at + 4))
}

/**
 * How many containers (quotes, list items, footnote definitions) a line may be inside, and where
 * the rest of the line
 * starts (its end when it holds nothing else). Each marker at its start may open or continue one,
 * and each two columns of space a list item's content (one space after a marker only separates
 * it): a nested list item is indented by at least two. Tabs count as four columns.
 *
 * `startsBlock`: the line surely starts a block of its own, ending any paragraph before it. A
 * bullet item with content, or an ordered one numbered 1, does (CommonMark lets them interrupt a
 * paragraph), and so does a heading, if no marker is indented far enough to be code or text.
 */
function linePrefix(
  text: string,
  start: number,
  end: number,
): { markers: number; depth: number; end: number; startsBlock: boolean } {
  let markers = 0
  let indent = 0
  let shallow = true
  let opensItem = false
  let at = start
  for (;;) {
    let gap = 0
    while (at < end && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) {
      gap += text.charCodeAt(at) === TAB ? 4 : 1
      at += 1
    }
    // One space after a marker only separates it from what follows.
    if (markers > 0 && gap > 0) gap -= 1
    indent += gap
    shallow &&= gap <= 3
    const marker = containerMarkerLength(text, at, end)
    if (marker === 0) {
      const startsBlock = shallow && at < end && (opensItem || isHeading(text, at, end))
      return { markers, depth: markers + Math.floor(indent / 2), end: at, startsBlock }
    }
    opensItem ||= opensListItem(text, at, marker)
    markers += 1
    at += marker
  }
}

/** The length of a container's marker at `at` (quote, list item, footnote definition), or 0. */
function containerMarkerLength(text: string, at: number, end: number): number {
  if (at >= end) return 0
  const code = text.charCodeAt(at)
  if (code === 0x3e) return 1
  if (code === 0x5b) return footnoteLabelLength(text, at, end)
  let after = at
  if (code === 0x2d || code === 0x2b || code === 0x2a) {
    after = at + 1
  } else {
    while (after < end && after - at < 9 && isDigit(text.charCodeAt(after))) after += 1
    if (after === at || (text.charCodeAt(after) !== 0x2e && text.charCodeAt(after) !== 0x29)) {
      return 0
    }
    after += 1
  }
  const next = text.charCodeAt(after)
  return after === end || next === SPACE || next === TAB ? after - at : 0
}

/** "[^label]:", which opens a footnote definition: a container, which GFM lets nest. */
function footnoteLabelLength(text: string, at: number, end: number): number {
  if (text.charCodeAt(at + 1) !== 0x5e) return 0
  let close = at + 2
  while (close < end && text.charCodeAt(close) !== BRACKET_CLOSE) close += 1
  return close < end && text.charCodeAt(close + 1) === 0x3a ? close + 2 - at : 0
}

/** A bullet, or the number 1 ("1.", "01)"): markers of list items that may interrupt a paragraph. */
function opensListItem(text: string, at: number, length: number): boolean {
  const code = text.charCodeAt(at)
  if (code === 0x3e || code === 0x5b) return false
  if (!isDigit(code)) return true
  return Number(text.slice(at, at + length - 1)) === 1
}

/** An ATX heading: one to six "#" and a space, a tab or the line's end. */
function isHeading(text: string, at: number, end: number): boolean {
  let after = at
  while (after < end && after - at < 7 && text.charCodeAt(after) === 0x23) after += 1
  const next = text.charCodeAt(after)
  return after > at && after - at <= 6 && (after === end || next === SPACE || next === TAB)
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}
