import type { Inline, InlineMark } from './article-blocks'
import { safeLinkHref } from './link-href'

/*
 * The inline markup pandoc writes when it extracts a PDF: `*italic*`, `**bold**`, backslash
 * escapes (`\$`), `<https://…>` autolinks and the occasional `code` span. Everything else is
 * text, byte for byte. Emphasis follows CommonMark's delimiter rules, so a lone `*` between
 * spaces (a multiplication, a footnote star) stays a literal asterisk.
 */

type Piece =
  | { kind: 'text'; text: string; marks: InlineMark[] }
  | {
      kind: 'delimiter'
      length: number
      readonly originalLength: number
      canOpen: boolean
      canClose: boolean
      marks: InlineMark[]
    }

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/
const WHITESPACE = /\s/u
const PUNCTUATION = /[\p{P}\p{S}]/u
const URL_AUTOLINK = /<((?:https?|mailto):[^\s<>]*)>/iy
const EMAIL_AUTOLINK =
  /<([a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)>/iy

export function parsePandocInline(source: string): Inline[] {
  const pieces = tokenize(source)
  applyEmphasis(pieces)
  return pieces.flatMap((piece): Inline[] => {
    if (piece.kind === 'text') return [{ type: 'text', text: piece.text, marks: piece.marks }]
    return piece.length > 0
      ? [{ type: 'text', text: '*'.repeat(piece.length), marks: piece.marks }]
      : []
  })
}

/** The text a reader sees for a piece of pandoc inline markup (labels, metadata values). */
export function pandocInlineText(source: string): string {
  return parsePandocInline(source)
    .map((inline) => (inline.type === 'text' ? inline.text : '\n'))
    .join('')
}

function tokenize(source: string): Piece[] {
  const pieces: Piece[] = []
  let buffer = ''
  const flush = () => {
    if (buffer !== '') pieces.push({ kind: 'text', text: buffer, marks: [] })
    buffer = ''
  }

  let index = 0
  while (index < source.length) {
    const char = source[index] ?? ''
    const next = source[index + 1] ?? ''

    if (char === '\\' && ASCII_PUNCTUATION.test(next)) {
      buffer += next
      index += 2
      continue
    }

    if (char === '`') {
      const span = codeSpanAt(source, index)
      if (span) {
        flush()
        pieces.push({ kind: 'text', text: span.text, marks: [{ type: 'code' }] })
        index = span.end
      } else {
        const run = runLength(source, index, '`')
        buffer += source.slice(index, index + run)
        index += run
      }
      continue
    }

    if (char === '<') {
      const link = autolinkAt(source, index)
      if (link) {
        flush()
        pieces.push({ kind: 'text', text: link.text, marks: [{ type: 'link', href: link.href }] })
        index = link.end
        continue
      }
    }

    if (char === '*') {
      const length = runLength(source, index, '*')
      const before = index === 0 ? ' ' : (source[index - 1] ?? ' ')
      const after = source[index + length] ?? ' '
      flush()
      pieces.push({
        kind: 'delimiter',
        length,
        originalLength: length,
        canOpen: isLeftFlanking(before, after),
        canClose: isRightFlanking(before, after),
        marks: [],
      })
      index += length
      continue
    }

    buffer += char
    index += 1
  }
  flush()
  return pieces
}

function runLength(source: string, start: number, char: string): number {
  let end = start
  while (source[end] === char) end += 1
  return end - start
}

function codeSpanAt(source: string, start: number): { text: string; end: number } | null {
  const fence = runLength(source, start, '`')
  let search = start + fence
  while (search < source.length) {
    const close = source.indexOf('`', search)
    if (close === -1) return null
    const closeLength = runLength(source, close, '`')
    if (closeLength === fence) {
      const inner = source.slice(start + fence, close)
      const padded = inner.length > 1 && inner.startsWith(' ') && inner.endsWith(' ')
      return { text: padded ? inner.slice(1, -1) : inner, end: close + closeLength }
    }
    search = close + closeLength
  }
  return null
}

function autolinkAt(
  source: string,
  start: number,
): { text: string; href: string; end: number } | null {
  URL_AUTOLINK.lastIndex = start
  const url = URL_AUTOLINK.exec(source)
  if (url?.[1]) {
    const href = safeLinkHref(url[1])
    if (href) return { text: url[1], href, end: start + url[0].length }
  }
  EMAIL_AUTOLINK.lastIndex = start
  const email = EMAIL_AUTOLINK.exec(source)
  if (email?.[1]) {
    return { text: email[1], href: `mailto:${email[1]}`, end: start + email[0].length }
  }
  return null
}

function isLeftFlanking(before: string, after: string): boolean {
  if (WHITESPACE.test(after)) return false
  return !PUNCTUATION.test(after) || WHITESPACE.test(before) || PUNCTUATION.test(before)
}

function isRightFlanking(before: string, after: string): boolean {
  if (WHITESPACE.test(before)) return false
  return !PUNCTUATION.test(before) || WHITESPACE.test(after) || PUNCTUATION.test(after)
}

/** CommonMark's "process emphasis", for `*` only: pair closers with the nearest opener. */
function applyEmphasis(pieces: Piece[]): void {
  for (let closerIndex = 0; closerIndex < pieces.length; closerIndex += 1) {
    const closer = pieces[closerIndex]
    if (closer?.kind !== 'delimiter' || !closer.canClose) continue

    while (closer.length > 0) {
      const openerIndex = findOpener(pieces, closerIndex, closer)
      const opener = openerIndex === -1 ? undefined : pieces[openerIndex]
      if (opener?.kind !== 'delimiter') break

      const used = opener.length >= 2 && closer.length >= 2 ? 2 : 1
      const mark: InlineMark = used === 2 ? { type: 'bold' } : { type: 'italic' }
      for (let inner = openerIndex + 1; inner < closerIndex; inner += 1) {
        const piece = pieces[inner]
        if (!piece) continue
        piece.marks = [...piece.marks, mark]
        if (piece.kind === 'delimiter') {
          // Unmatched delimiters inside a pair can no longer pair with anything outside it.
          piece.canOpen = false
          piece.canClose = false
        }
      }
      opener.length -= used
      closer.length -= used
    }
  }
}

function findOpener(
  pieces: readonly Piece[],
  closerIndex: number,
  closer: Extract<Piece, { kind: 'delimiter' }>,
): number {
  for (let index = closerIndex - 1; index >= 0; index -= 1) {
    const piece = pieces[index]
    if (piece?.kind !== 'delimiter' || !piece.canOpen || piece.length === 0) continue
    // CommonMark's "rule of 3": `*foo**bar*` must not pair the single with the double.
    const bothSided = piece.canClose || closer.canOpen
    const sumIsMultipleOfThree = (piece.originalLength + closer.originalLength) % 3 === 0
    const bothMultiplesOfThree = piece.originalLength % 3 === 0 && closer.originalLength % 3 === 0
    if (bothSided && sumIsMultipleOfThree && !bothMultiplesOfThree) continue
    return index
  }
  return -1
}
