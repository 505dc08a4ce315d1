import { foldForMatching } from './match-fold'
import { pandocInlineText } from './pandoc-inline'

/*
 * The cover an archive puts before an article it republishes: the journal's name, labelled
 * lines («اسم المقال: …», «رابط ثابت: <…>», «تاريخ الاسترداد: …») and licence paragraphs. It is
 * the publisher's, not the authors': it goes to the front matter and the metadata, not the body.
 */

export interface PublisherCover {
  /** Index of the first line that is no longer the cover: where the article begins. */
  bodyStart: number
  /** The cover's non-blank lines, as written. */
  lines: string[]
  journal?: string
  title?: string
  authors?: string
  sourceUrl?: string
  retrieved?: string
}

type CoverField = 'title' | 'authors' | 'sourceUrl' | 'retrieved' | 'journal'

// Folded label forms (see foldForMatching).
const COVER_LABELS: readonly [CoverField, readonly string[]][] = [
  ['title', ['اسم المقال', 'عنوان المقال', 'article title', 'title']],
  [
    'authors',
    ['اسم الكاتب', 'اسم الكتاب', 'اسم المولف', 'المولف', 'author', 'authors', 'author(s)'],
  ],
  ['sourceUrl', ['رابط ثابت', 'الرابط الثابت', 'permalink', 'stable url']],
  ['retrieved', ['تاريخ الاسترداد', 'retrieved', 'retrieval date']],
  ['journal', ['اسم المجله', 'المجله', 'journal']],
]

/** A cover needs at least this many labelled lines, so a lone "Title:" line is not one. */
const MIN_COVER_LABELS = 2
/** Covers are a page long; labels further down belong to the article. */
const MAX_COVER_LINES = 40
const MAX_JOURNAL_LENGTH = 120

export function coverLabel(line: string): { field: CoverField; value: string } | null {
  const colon = line.indexOf(':')
  if (colon === -1) return null
  const label = foldForMatching(line.slice(0, colon)).trim()
  const entry = COVER_LABELS.find(([, labels]) => labels.includes(label))
  if (!entry) return null
  return { field: entry[0], value: pandocInlineText(line.slice(colon + 1)).trim() }
}

export function findPublisherCover(lines: readonly string[]): PublisherCover | null {
  const firstLine = lines.findIndex((line) => line.trim() !== '')
  if (firstLine === -1) return null

  const labels = new Map<CoverField, string>()
  let lastLabelLine = -1
  const searchEnd = Math.min(lines.length, firstLine + MAX_COVER_LINES)
  for (let index = firstLine; index < searchEnd; index += 1) {
    const label = coverLabel(lines[index] ?? '')
    if (!label || labels.has(label.field)) continue
    labels.set(label.field, label.value)
    lastLabelLine = index
  }
  if (labels.size < MIN_COVER_LABELS) return null

  const bodyStart = findBodyStart(lines, lastLabelLine, labels.get('title'))
  const coverLines = lines
    .slice(firstLine, bodyStart)
    .map((line) => line.trim())
    .filter((line) => line !== '')

  const cover: PublisherCover = { bodyStart, lines: coverLines }
  const journal = labels.get('journal') ?? unlabelledFirstLine(coverLines)
  if (journal) cover.journal = journal
  for (const field of ['title', 'authors', 'sourceUrl', 'retrieved'] as const) {
    const value = labels.get(field)
    if (value) cover[field] = value
  }
  if (cover.sourceUrl && !/^https?:\/\//iu.test(cover.sourceUrl)) delete cover.sourceUrl
  return cover
}

/**
 * The article starts where its title appears again after the labels; failing that, after the
 * first run of blank lines (a page break in the extraction) that follows them.
 */
function findBodyStart(lines: readonly string[], lastLabelLine: number, title?: string): number {
  if (title) {
    const wanted = foldForMatching(title)
    for (let index = lastLabelLine + 1; index < lines.length; index += 1) {
      if (foldForMatching(pandocInlineText(lines[index] ?? '').trim()) === wanted) return index
    }
  }
  for (let index = lastLabelLine + 1; index < lines.length - 1; index += 1) {
    if ((lines[index] ?? '').trim() === '' && (lines[index + 1] ?? '').trim() === '') {
      let next = index
      while (next < lines.length && (lines[next] ?? '').trim() === '') next += 1
      return next
    }
  }
  return lastLabelLine + 1
}

function unlabelledFirstLine(coverLines: readonly string[]): string | undefined {
  const first = coverLines[0]
  if (first === undefined || coverLabel(first) || first.length > MAX_JOURNAL_LENGTH)
    return undefined
  return pandocInlineText(first).trim()
}
