import { foldForMatching, wordCount } from './match-fold'

/*
 * Headings of an academic paper extracted from a PDF, recognised by pattern: extraction keeps
 * them as short lines of their own, with no sentence-final period.
 */

export type PaperHeading =
  /** «المخلص», «Abstract:»: the abstract of one of the paper's languages. */
  | { kind: 'abstract' }
  /** «المقدمة», «الخاتمة», «Introduction», or a short line ending with a colon. */
  | { kind: 'section'; byColon: boolean }
  /** «قائمة المصادر…», «References». */
  | { kind: 'references' }
  /** «المبحث الاول: …», «المطلب الثاني: …», «Chapter 2 …»; rank orders the division words. */
  | { kind: 'division'; rank: number }

// Folded forms (see foldForMatching): no hamza on alef, ta marbuta as ha, alef maqsura as ya.
const ABSTRACT_WORDS = ['الملخص', 'ملخص', 'المخلص', 'مخلص', 'المستخلص', 'مستخلص', 'abstract']

const REFERENCE_PHRASES = [
  'قائمه المصادر',
  'قائمه المراجع',
  'المصادر والمراجع',
  'المصادر',
  'المراجع',
  'الهوامش',
  'references',
  'bibliography',
  'works cited',
  'sources',
]

const SECTION_PHRASES = [
  'المقدمه',
  'مقدمه',
  'التمهيد',
  'تمهيد',
  'الخاتمه',
  'خاتمه',
  'الاستنتاجات',
  'الاستنتاج',
  'النتائج',
  'التوصيات',
  'اهميه البحث',
  'اهميه الدراسه',
  'اشكاليه البحث',
  'اشكاليه الدراسه',
  'مشكله البحث',
  'مشكله الدراسه',
  'فرضيه البحث',
  'فرضيه الدراسه',
  'منهجيه البحث',
  'منهجيه الدراسه',
  'منهج البحث',
  'اهداف البحث',
  'هدف البحث',
  'هيكليه البحث',
  'خطه البحث',
  'حدود البحث',
  'الدراسات السابقه',
  'الملاحق',
  'introduction',
  'conclusions',
  'conclusion',
  'methodology',
  'methods',
  'results',
  'discussion',
  'literature review',
  'background',
  'acknowledgements',
  'acknowledgments',
  'appendix',
]

/** Division words from the largest to the smallest; a document uses a contiguous few of them. */
const DIVISION_WORDS: readonly (readonly string[])[] = [
  ['الباب', 'part'],
  ['الفصل', 'chapter'],
  ['المبحث'],
  ['المطلب'],
  ['الفرع'],
]
const ARABIC_ORDINAL =
  /^(?:ال)?(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي|تمهيدي|اخير)(?:\s|:|$)/u
const LATIN_ORDINAL =
  /^(?:[0-9]+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s|[:.]|$)/u
const DIGIT_ORDINAL = /^[0-9\u0660-\u0669\u06f0-\u06f9]+(?:\s|[:.-]|$)/u

const MAX_SECTION_WORDS = 6
const MAX_COLON_HEADING_WORDS = 5
const MAX_COLON_HEADING_LENGTH = 60
const MAX_DIVISION_WORDS = 20

export function matchPaperHeading(line: string): PaperHeading | null {
  const text = line.trim()
  if (text === '' || endsWithPeriod(text)) return null
  const byColon = text.endsWith(':')
  const core = foldForMatching(text.replace(/\s*:$/u, '').trim())
  const words = wordCount(core)

  if (words <= 3 && startsWithPhrase(core, ABSTRACT_WORDS)) return { kind: 'abstract' }
  if (words <= MAX_SECTION_WORDS && startsWithPhrase(core, REFERENCE_PHRASES)) {
    return { kind: 'references' }
  }
  if (words <= MAX_SECTION_WORDS && startsWithPhrase(core, SECTION_PHRASES)) {
    return { kind: 'section', byColon: false }
  }
  const rank = divisionRank(core)
  if (rank !== null && words <= MAX_DIVISION_WORDS) return { kind: 'division', rank }
  if (
    byColon &&
    wordCount(text) <= MAX_COLON_HEADING_WORDS &&
    text.length <= MAX_COLON_HEADING_LENGTH
  ) {
    return { kind: 'section', byColon: true }
  }
  return null
}

function endsWithPeriod(text: string): boolean {
  return /[.\u06d4\u3002\u2026]$/u.test(text)
}

function startsWithPhrase(folded: string, phrases: readonly string[]): boolean {
  return phrases.some(
    (phrase) =>
      folded === phrase ||
      (folded.startsWith(phrase) && /[\s(:،,-]/u.test(folded.charAt(phrase.length))),
  )
}

function divisionRank(folded: string): number | null {
  for (const [rank, words] of DIVISION_WORDS.entries()) {
    for (const word of words) {
      if (!folded.startsWith(`${word} `)) continue
      const rest = folded.slice(word.length + 1).trimStart()
      if (ARABIC_ORDINAL.test(rest) || LATIN_ORDINAL.test(rest) || DIGIT_ORDINAL.test(rest)) {
        return rank
      }
    }
  }
  return null
}

/**
 * Heading levels for the division words a document uses: the largest present is level 1, the
 * next level 2, and so on (a paper with «المبحث» and «المطلب» gets 1 and 2; a thesis with
 * «الفصل» above them gets 1, 2 and 3).
 */
export function divisionLevels(ranks: Iterable<number>): (rank: number) => 1 | 2 | 3 {
  const present = [...new Set(ranks)].sort((a, b) => a - b)
  return (rank) => {
    const position = present.indexOf(rank)
    return clampLevel(position === -1 ? 1 : position + 1)
  }
}

export function clampLevel(level: number): 1 | 2 | 3 {
  return level <= 1 ? 1 : level === 2 ? 2 : 3
}

const ABSTRACT_LEAD = new RegExp(`^(?:${ABSTRACT_WORDS.join('|')})\\s*[:：-]\\s*\\S`, 'u')

/** «Abstract: This paper …»: an abstract whose heading shares its first paragraph's line. */
export function startsWithAbstractLabel(line: string): boolean {
  return ABSTRACT_LEAD.test(foldForMatching(line.trim()))
}
