import { foldForMatching } from './match-fold'
import { leadingNumberLabel } from './number-label'

/*
 * PDF extraction breaks paragraphs at page and column ends, mid-sentence. A piece of text that
 * does not end a sentence, followed by one that carries it on, was one paragraph.
 */

const SENTENCE_END = /[.!?;:\u061f\u061b\u06d4\u2026\u203c\u2047-\u2049]$/u
const CLOSING_BRACKETS = /[)\]}»›"'”’]+$/u
/** «…الاتية:-», the Arabic lead-in before a list, ends like a colon. */
const COLON_DASH = /:\s*-$/u
/** A line ending with an autolink `<…>` (a reference's URL) is complete. */
const TRAILING_AUTOLINK = /<[^<>\s]+>$/u
/** «اولاً :», «ثانياً:» … open an enumerated point of their own. */
const ARABIC_ENUMERATION =
  /^(?:اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا|اخيرا)\s*[:\-–]/u

export function endsSentence(text: string): boolean {
  const trimmed = text.trimEnd()
  if (COLON_DASH.test(trimmed) || TRAILING_AUTOLINK.test(trimmed)) return true
  return SENTENCE_END.test(trimmed.replace(CLOSING_BRACKETS, ''))
}

/** Whether `next` opens a numbered or enumerated point rather than continuing a sentence. */
export function startsOwnPoint(next: string): boolean {
  const trimmed = next.trimStart()
  return leadingNumberLabel(trimmed) !== null || ARABIC_ENUMERATION.test(foldForMatching(trimmed))
}

/**
 * Whether `next` continues the sentence `previous` left open. Arabic has no letter case, so an
 * open sentence is enough; in a cased script the continuation must not start with a capital,
 * unless `acceptCapital` (a wrapped reference: "… Journal of" / "International Studies").
 */
export function continuesSentence(
  previous: string,
  next: string,
  { acceptCapital = false }: { acceptCapital?: boolean } = {},
): boolean {
  if (endsSentence(previous) || startsOwnPoint(next)) return false
  const firstLetter = /\p{L}/u.exec(next)?.[0]
  if (firstLetter === undefined) return true
  const startsWithCapital =
    /\p{Lu}|\p{Lt}/u.test(firstLetter) && next.trimStart()[0] === firstLetter
  return acceptCapital || !startsWithCapital
}
