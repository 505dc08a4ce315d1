import { MAX_BODY_CHARS, MAX_TAG_CHARS, MAX_TAGS } from './annotation'

/** What was wrong with what the user typed; the UI translates the code. */
export type AnnotationInputErrorCode =
  | 'body-too-long'
  | 'too-many-tags'
  | 'tag-too-long'
  | 'empty-comment'
  /** The text of a comment that has replies was deleted: it would hide them (see the store). */
  | 'emptied-comment-has-replies'

export class AnnotationInputError extends Error {
  override readonly name = 'AnnotationInputError'

  constructor(
    readonly code: AnnotationInputErrorCode,
    /** The limit that was passed, for the message ("at most {limit} characters"). */
    readonly limit?: number,
  ) {
    super(limit === undefined ? code : `${code} (limit ${limit})`)
  }
}

// Blank lines before the text and any whitespace after it are slips of the keyboard; spaces
// at the start of the first line are kept, as Markdown gives them meaning.
const LEADING_BLANK_LINES = /^(?:[ \t]*\r?\n)+/u

/**
 * A comment or reply body as it is stored: Markdown source without blank lines around it.
 * Refuses an empty body (`allowEmpty` is for highlights, whose note is optional) and one
 * longer than MAX_BODY_CHARS (UTF-16 code units, the unit the editor counts).
 */
export function normalizeBody(body: string, { allowEmpty }: { allowEmpty: boolean }): string {
  const trimmed = body.replace(LEADING_BLANK_LINES, '').trimEnd()
  if (trimmed === '' && !allowEmpty) throw new AnnotationInputError('empty-comment')
  if (trimmed.length > MAX_BODY_CHARS) {
    throw new AnnotationInputError('body-too-long', MAX_BODY_CHARS)
  }
  return trimmed
}

/**
 * One tag as stored: without leading '#', trimmed, inner whitespace runs as one space, Latin
 * (and other cased scripts) in lower case, Arabic letters kept exactly as typed. Empty when
 * nothing is left.
 */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/^#+/u, '').trim().replace(/\s+/gu, ' ').toLowerCase()
}

/** Tags as stored: normalised, empty ones dropped, duplicates dropped keeping first order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const unique = [...new Set(tags.map(normalizeTag).filter((tag) => tag !== ''))]
  if (unique.length > MAX_TAGS) throw new AnnotationInputError('too-many-tags', MAX_TAGS)
  if (unique.some((tag) => [...tag].length > MAX_TAG_CHARS)) {
    throw new AnnotationInputError('tag-too-long', MAX_TAG_CHARS)
  }
  return unique
}
