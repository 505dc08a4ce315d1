import type { ArticleBlock } from './article-blocks'
import { blockText } from './article-blocks'
import type { ArticleDoc, ArticleMeta, BlockDirection, BlockRole } from './article-doc'
import { buildArticleDoc } from './article-doc-builder'
import { firstStrongDirection } from './bidi'
import { directionOfLanguage, languageOfDominantDirection } from './document-language'
import { wordCount } from './match-fold'
import { leadingNumberLabel } from './number-label'
import { parsePandocInline, pandocInlineText } from './pandoc-inline'
import type { BylineRole } from './paper-bylines'
import { bylineRole, emailsIn, keywordsOfLine } from './paper-bylines'
import type { PaperHeading } from './paper-headings'
import { divisionLevels, matchPaperHeading, startsWithAbstractLabel } from './paper-headings'
import type { PublisherCover } from './publisher-cover'
import { findPublisherCover } from './publisher-cover'
import { continuesSentence } from './sentence-continuation'
import { textLines } from './text-lines'

/*
 * Imports an academic paper extracted from a PDF into pandoc-flavoured text, the shape of the
 * bundled article: an archive's cover page, then the title, bylines, abstract and keywords (in
 * the paper's language and often again in English), then sections, lists and reference lists.
 * One source line is one paragraph, list item or heading; paragraphs the extraction cut at a
 * page end are joined again. Every character of the body survives except the markup consumed:
 * list bullets, emphasis asterisks, escaping backslashes and autolink brackets.
 */

type SourceLine =
  | { kind: 'item'; text: string; label: number | null; afterBlank: boolean }
  | { kind: 'heading'; heading: PaperHeading; text: string; afterBlank: boolean }
  | { kind: 'keywords'; text: string; keywords: string[]; afterBlank: boolean }
  | { kind: 'text'; text: string; afterBlank: boolean }

type Draft =
  | { kind: 'heading'; level: 1 | 2 | 3; role?: BlockRole; text: string }
  | { kind: 'paragraph'; role?: BlockRole; text: string; joinable: boolean; afterBlank: boolean }
  | { kind: 'item'; label: number | null; text: string }

/** One language's title block: title, bylines, abstract and keywords. */
interface PaperSegment {
  title?: string
  authors: string[]
  emails: string[]
  affiliations: string[]
  keywords: string[]
  /** The first text of the segment, whose direction says which language it is in. */
  firstText?: string
}

const BULLET = /^\s*[-•*]\s+/u
const MAX_TITLE_WORDS = 30
const MAX_TITLE_LENGTH = 300
/**
 * A paragraph or list item shorter than this is not taken for a wrapped line when a blank line
 * follows it: short unpunctuated lines are list entries or headings, not page breaks.
 */
const MIN_WRAPPED_LENGTH = 80

export function importPaperText(text: string, options: { fileName?: string } = {}): ArticleDoc {
  const lines = textLines(text)
  const cover = findPublisherCover(lines)
  const sourceLines = classifyLines(lines.slice(cover?.bodyStart ?? 0))
  const { drafts, segments } = draftPaper(sourceLines)
  const blocks = toBlocks(joinBrokenParagraphs(drafts))

  const language = languageOfDominantDirection(
    blocks.map((block) => {
      const plain = blockText(block)
      return { text: plain, dir: firstStrongDirection(plain) }
    }),
  )
  const frontMatter = cover ? coverBlock(cover) : []
  return buildArticleDoc({
    blocks: [...frontMatter, ...blocks],
    meta: paperMeta(segments, cover, language),
    ...(options.fileName ? { fileName: options.fileName } : {}),
  })
}

/**
 * Whether a text file has this shape (a cover, an abstract or keywords line, or at least two
 * section headings), as opposed to plain prose.
 */
export function looksLikePaperText(text: string): boolean {
  const lines = textLines(text)
  if (findPublisherCover(lines)) return true
  let sectionHeadings = 0
  for (const line of lines) {
    if (keywordsOfLine(line)) return true
    const heading = matchPaperHeading(line)
    if (heading?.kind === 'abstract') return true
    if (heading && !(heading.kind === 'section' && heading.byColon)) sectionHeadings += 1
  }
  return sectionHeadings >= 2
}

function classifyLines(lines: readonly string[]): SourceLine[] {
  const result: SourceLine[] = []
  let afterBlank = true
  for (const rawLine of lines) {
    const line = rawLine.trim()
    if (line === '') {
      afterBlank = true
      continue
    }
    result.push(classifyLine(rawLine, line, afterBlank))
    afterBlank = false
  }
  return result
}

function classifyLine(rawLine: string, line: string, afterBlank: boolean): SourceLine {
  const bullet = BULLET.exec(rawLine)
  if (bullet) {
    const itemText = rawLine.slice(bullet[0].length).trim()
    return {
      kind: 'item',
      text: itemText,
      label: leadingNumberLabel(itemText)?.value ?? null,
      afterBlank,
    }
  }
  const keywords = keywordsOfLine(pandocInlineText(line))
  if (keywords) return { kind: 'keywords', text: line, keywords, afterBlank }
  const heading = matchPaperHeading(pandocInlineText(line))
  if (heading) return { kind: 'heading', heading, text: line, afterBlank }
  const label = leadingNumberLabel(line)
  if (label) return { kind: 'item', text: line, label: label.value, afterBlank }
  return { kind: 'text', text: line, afterBlank }
}

type PaperState = 'title' | 'bylines' | 'abstract' | 'body'

/** Walks the lines once: the title blocks first (as long as they last), then the body. */
function draftPaper(lines: readonly SourceLine[]): { drafts: Draft[]; segments: PaperSegment[] } {
  const drafts: Draft[] = []
  const segments: PaperSegment[] = []
  const levelOfDivision = divisionLevels(
    lines.flatMap((line) =>
      line.kind === 'heading' && line.heading.kind === 'division' ? [line.heading.rank] : [],
    ),
  )
  let state: PaperState = 'title'
  let segment: PaperSegment | undefined
  let divisionLevel: number | null = null

  const startSegment = (): PaperSegment => {
    segment = { authors: [], emails: [], affiliations: [], keywords: [] }
    segments.push(segment)
    return segment
  }
  const noteText = (text: string) => {
    if (segment && segment.firstText === undefined) segment.firstText = text
  }
  const paragraph = (line: SourceLine, role?: BlockRole, joinable = role === undefined) =>
    drafts.push({
      kind: 'paragraph',
      text: line.text,
      joinable,
      afterBlank: line.afterBlank,
      ...(role ? { role } : {}),
    })

  for (const [index, line] of lines.entries()) {
    if (state === 'title') {
      if (
        line.kind === 'text' &&
        isTitleLike(line.text) &&
        (index === 0 || abstractAhead(lines, index + 1))
      ) {
        const current = startSegment()
        current.title = pandocInlineText(line.text).trim()
        noteText(current.title)
        drafts.push({ kind: 'heading', level: 1, role: 'title', text: line.text })
        state = abstractAhead(lines, index + 1) ? 'bylines' : 'body'
        continue
      }
      state = line.kind === 'heading' && line.heading.kind === 'abstract' ? 'bylines' : 'body'
    }

    if (state === 'bylines' || state === 'abstract') {
      if (line.kind === 'heading' && line.heading.kind === 'abstract') {
        if (state === 'abstract' || !segment) startSegment()
        drafts.push({ kind: 'heading', level: 2, role: 'abstract', text: line.text })
        state = 'abstract'
        continue
      }
      if (line.kind === 'keywords') {
        const current = segment ?? startSegment()
        current.keywords.push(...line.keywords)
        noteText(line.text)
        paragraph(line, 'keywords', false)
        state = 'title'
        continue
      }
      if (line.kind === 'text' && state === 'abstract') {
        noteText(line.text)
        paragraph(line, 'abstract', true)
        continue
      }
      if (line.kind === 'text' && startsWithAbstractLabel(line.text)) {
        if (!segment) startSegment()
        noteText(line.text)
        paragraph(line, 'abstract', true)
        state = 'abstract'
        continue
      }
      const role = line.kind === 'text' ? bylineRole(pandocInlineText(line.text)) : null
      if (state === 'bylines' && role && segment) {
        recordByline(segment, role, pandocInlineText(line.text).trim())
        paragraph(line, role, false)
        continue
      }
      state = 'body'
    }

    // The body.
    switch (line.kind) {
      case 'heading': {
        const { level, role, insideDivision } = headingLevel(
          line.heading,
          divisionLevel,
          levelOfDivision,
        )
        divisionLevel = insideDivision
        drafts.push({ kind: 'heading', level, text: line.text, ...(role ? { role } : {}) })
        break
      }
      case 'item':
        drafts.push({ kind: 'item', label: line.label, text: line.text })
        break
      case 'keywords':
        paragraph(line, 'keywords', false)
        break
      case 'text':
        paragraph(line)
        break
    }
  }
  return { drafts, segments }
}

function recordByline(segment: PaperSegment, role: BylineRole, text: string): void {
  if (role === 'email') segment.emails.push(...emailsIn(text))
  else if (role === 'affiliation') segment.affiliations.push(text)
  else segment.authors.push(text)
}

function isTitleLike(text: string): boolean {
  const plain = pandocInlineText(text).trim()
  return (
    wordCount(plain) <= MAX_TITLE_WORDS && plain.length <= MAX_TITLE_LENGTH && !/[.]$/u.test(plain)
  )
}

/** Whether an abstract heading comes before any other heading from `start` on. */
function abstractAhead(lines: readonly SourceLine[], start: number): boolean {
  for (const line of lines.slice(start)) {
    if (line.kind === 'text' && startsWithAbstractLabel(line.text)) return true
    if (line.kind === 'heading') return line.heading.kind === 'abstract'
  }
  return false
}

/**
 * Known section words and reference lists are top-level; division words take their level from
 * the divisions the paper uses; a short line ending with a colon is a top-level section, or a
 * subsection when it sits inside a division («المبحث …» then «أولاً: …»).
 */
function headingLevel(
  heading: PaperHeading,
  divisionLevel: number | null,
  levelOfDivision: (rank: number) => 1 | 2 | 3,
): { level: 1 | 2 | 3; role?: BlockRole; insideDivision: number | null } {
  switch (heading.kind) {
    case 'abstract':
      return { level: 2, role: 'abstract', insideDivision: null }
    case 'references':
      return { level: 1, role: 'references', insideDivision: null }
    case 'division': {
      const level = levelOfDivision(heading.rank)
      return { level, insideDivision: level }
    }
    case 'section':
      if (heading.byColon && divisionLevel !== null) {
        return { level: divisionLevel >= 2 ? 3 : 2, insideDivision: divisionLevel }
      }
      return { level: 1, insideDivision: null }
  }
}

/** Re-joins paragraphs (and list items) that the extraction split in the middle of a sentence. */
function joinBrokenParagraphs(drafts: readonly Draft[]): Draft[] {
  const joined: Draft[] = []
  for (const draft of drafts) {
    const previous = joined.at(-1)
    if (draft.kind === 'paragraph' && draft.joinable && previous && continues(previous, draft)) {
      joined[joined.length - 1] = { ...previous, text: `${previous.text} ${draft.text}` }
      continue
    }
    joined.push({ ...draft })
  }
  return joined
}

function continues(previous: Draft, next: Extract<Draft, { kind: 'paragraph' }>): boolean {
  if (next.afterBlank && previous.text.length < MIN_WRAPPED_LENGTH) return false
  if (previous.kind === 'item')
    return continuesSentence(previous.text, next.text, { acceptCapital: true })
  return (
    previous.kind === 'paragraph' &&
    previous.joinable &&
    previous.role === next.role &&
    continuesSentence(previous.text, next.text)
  )
}

/** Groups consecutive items into lists: numbered ones while the numbers run on. */
function toBlocks(drafts: readonly Draft[]): ArticleBlock[] {
  const blocks: ArticleBlock[] = []
  let list: { block: Extract<ArticleBlock, { type: 'list' }>; lastLabel: number | null } | null =
    null

  for (const draft of drafts) {
    if (draft.kind !== 'item') {
      list = null
      if (draft.kind === 'heading') {
        blocks.push({
          type: 'heading',
          level: draft.level,
          inlines: parsePandocInline(draft.text),
          ...(draft.role ? { role: draft.role } : {}),
        })
      } else {
        blocks.push({
          type: 'paragraph',
          inlines: parsePandocInline(draft.text),
          ...(draft.role ? { role: draft.role } : {}),
        })
      }
      continue
    }

    const ordered = draft.label !== null
    const continuesList =
      list !== null &&
      list.block.ordered === ordered &&
      (!ordered || (list.lastLabel !== null && draft.label === list.lastLabel + 1))
    if (!list || !continuesList) {
      list = {
        block: { type: 'list', ordered, start: draft.label ?? 1, items: [] },
        lastLabel: null,
      }
      blocks.push(list.block)
    }
    list.block.items.push({ paragraphs: [parsePandocInline(draft.text)] })
    list.lastLabel = draft.label
  }
  return blocks
}

function coverBlock(cover: PublisherCover): ArticleBlock[] {
  return [{ type: 'frontMatter', paragraphs: cover.lines.map((line) => parsePandocInline(line)) }]
}

function paperMeta(
  segments: readonly PaperSegment[],
  cover: PublisherCover | null,
  language: string,
): Partial<ArticleMeta> {
  const segmentDirection = (segment: PaperSegment): BlockDirection | null =>
    firstStrongDirection(segment.firstText ?? '')
  const main =
    segments.find((segment) => segmentDirection(segment) === directionOfLanguage(language)) ??
    segments[0]
  const english = segments.find((segment) => segmentDirection(segment) === 'ltr')

  const meta: Partial<ArticleMeta> = {
    language,
    authors: main?.authors.length ? main.authors : splitNames(cover?.authors),
    authorsEn: english?.authors ?? [],
    emails: uniqueIgnoringCase(segments.flatMap((segment) => segment.emails)),
    keywords: main?.keywords ?? [],
    keywordsEn: english?.keywords ?? [],
    publisherNotice: cover ? cover.lines.map((line) => pandocInlineText(line).trim()) : [],
  }
  const title = main?.title ?? cover?.title
  if (title) meta.title = title
  if (english?.title) meta.titleEn = english.title
  if (main?.affiliations.length) meta.affiliation = main.affiliations.join('; ')
  if (english?.affiliations.length) meta.affiliationEn = english.affiliations.join('; ')
  if (cover?.sourceUrl) meta.sourceUrl = cover.sourceUrl
  if (cover?.retrieved) meta.retrieved = cover.retrieved
  if (cover?.journal) meta.journal = cover.journal
  return meta
}

function splitNames(names: string | undefined): string[] {
  return (names ?? '')
    .split(/[،,؛;]/u)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

function uniqueIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>()
  return values.filter((value) => {
    const key = value.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
