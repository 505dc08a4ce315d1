import { foldForMatching, wordCount } from './match-fold'

/*
 * The lines between a paper's title and its abstract (authors, e-mails, affiliation) and the
 * keywords line after the abstract, recognised by pattern.
 */

export type BylineRole = 'author' | 'email' | 'affiliation'

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/giu

const INSTITUTION_WORDS =
  /(?:^|[\s/(،,-])(?:ال)?(?:جامعه|كليه|معهد|قسم|مركز|اكاديميه|وزاره|university|college|institute|faculty|department|school|academy|centre|center|ministry)(?:$|[\s/),،-])/u

const MAX_AUTHOR_WORDS = 12

export function emailsIn(text: string): string[] {
  return text.match(EMAIL) ?? []
}

/** The role of one byline, or null when the line is too long to be one (body text). */
export function bylineRole(line: string): BylineRole | null {
  if (emailsIn(line).length > 0) return 'email'
  if (INSTITUTION_WORDS.test(foldForMatching(line))) return 'affiliation'
  if (wordCount(line) <= MAX_AUTHOR_WORDS && !/[.؟?!]$/u.test(line.trim())) return 'author'
  return null
}

const KEYWORDS_LABEL =
  /^(?:ال)?(?:كلمات\s+(?:ال)?(?:مفتاحيه|داله)|key\s*-?\s*words|index\s+terms)$/u

/** The keywords of a "Keywords: a, b, c." line, or null when the line is not one. */
export function keywordsOfLine(line: string): string[] | null {
  const colon = line.search(/[:：]/u)
  if (colon === -1) return null
  if (!KEYWORDS_LABEL.test(foldForMatching(line.slice(0, colon)).trim())) return null
  return line
    .slice(colon + 1)
    .split(/[،,؛;]/u)
    .map((keyword) =>
      keyword
        .trim()
        .replace(/[.\u06d4]+$/u, '')
        .trim(),
    )
    .filter((keyword) => keyword !== '')
}
