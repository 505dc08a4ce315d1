import type { Blockquote, Heading, List, ListItem, Paragraph, PhrasingContent } from 'mdast'
import { linesAsPhrasing, type CommentBlock } from './comment-body-mdast'

/** The separator `articlePlainText` puts between blocks: a quote across it spans paragraphs. */
const BLOCK_SEPARATOR = '\n\n'

/**
 * The highlighted passage, exactly: one quoted paragraph per article block it spans, its line
 * breaks kept. Its characters are text nodes, escaped when written, so the quote reads back
 * byte for byte whatever it holds.
 */
export function passageBlockquote(quote: string): Blockquote {
  const children = quote
    .split(BLOCK_SEPARATOR)
    .filter((block) => block !== '')
    .map((block): Paragraph => ({ type: 'paragraph', children: linesAsPhrasing(block) }))
  return { type: 'blockquote', children }
}

/**
 * One annotation as a list item: its header line, then its body (`commentBodyBlocks`), then any
 * nested items.
 */
export function annotationItem(
  header: readonly PhrasingContent[],
  body: readonly CommentBlock[],
  nested: readonly ListItem[] = [],
): ListItem {
  const [first, ...rest] = body
  const headerLine: Paragraph = { type: 'paragraph', children: [...header] }
  const children: ListItem['children'] = [headerLine]
  if (first?.type === 'paragraph') {
    headerLine.children.push({ type: 'text', value: ' — ' }, ...first.children)
  } else if (first !== undefined) {
    children.push(first)
  }
  children.push(...rest)
  if (nested.length > 0) children.push(tightList(nested))
  return { type: 'listItem', spread: false, children }
}

export function tightList(items: readonly ListItem[]): List {
  return { type: 'list', ordered: false, spread: false, children: [...items] }
}

export function heading(depth: number, text: string): Heading {
  const clamped = Math.min(6, Math.max(1, depth)) as Heading['depth']
  return { type: 'heading', depth: clamped, children: [{ type: 'text', value: text }] }
}

/** Header parts joined by " · ". */
export function headerLine(parts: readonly (PhrasingContent | string | null)[]): PhrasingContent[] {
  const line: PhrasingContent[] = []
  for (const part of parts) {
    if (part === null || part === '') continue
    if (line.length > 0) line.push({ type: 'text', value: ' · ' })
    line.push(typeof part === 'string' ? { type: 'text', value: part } : part)
  }
  return line
}

export function strong(text: string): PhrasingContent {
  return { type: 'strong', children: [{ type: 'text', value: text }] }
}

/** "#tag #other", or null when there are none. */
export function tagList(tags: readonly string[]): string | null {
  return tags.length === 0 ? null : tags.map((tag) => `#${tag}`).join(' ')
}

/** The day of an ISO timestamp (UTC, as stored), or the text itself when it is not one. */
export function dayOf(timestamp: string): string {
  const time = Date.parse(timestamp)
  return Number.isNaN(time) ? timestamp : isoDay(new Date(time))
}

/** "2026-11-28 14:03 UTC", or the text itself when it is not a timestamp. */
export function minuteOf(timestamp: string): string {
  const time = Date.parse(timestamp)
  if (Number.isNaN(time)) return timestamp
  const date = new Date(time)
  if (!hasFourDigitYear(date)) {
    const iso = date.toISOString()
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
  }
  return `${isoDay(date)} ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`
}

/**
 * The day as `toISOString` writes it, without calling it: it is slow, and every annotation of an
 * export has its day written.
 */
function isoDay(date: Date): string {
  if (!hasFourDigitYear(date)) return date.toISOString().slice(0, 10)
  const year = String(date.getUTCFullYear()).padStart(4, '0')
  return `${year}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`
}

/** `toISOString` writes other years with a sign and six digits. */
function hasFourDigitYear(date: Date): boolean {
  const year = date.getUTCFullYear()
  return year >= 0 && year <= 9999
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}
