import { foldForMatching } from '../article/match-fold'

/*
 * Search folding builds on the heading matcher's fold (`foldForMatching`: tashkeel, tatweel,
 * alef variants, ta marbuta, alef maqsura, Latin case) and adds what free-text search in notes
 * and quotes meets besides.
 *
 * Hamza on a seat folds to the bare seat, as hamza on alef already does: ؤ → و and ئ → ي, so
 * «مسؤول» is found by «مسوول» and «رئيس» by «رييس». The common variant spelling with ئ before
 * waw («مسئولية», «شئون», where the standard spelling writes «مسؤولية», «شؤون») is folded to
 * the ؤ spelling first, so either spelling finds the other.
 */

// Isolated and ligature presentation forms of tashkeel: NFKC would turn them into a space plus
// the mark, leaving a gap in the middle of a word once the mark is gone.
const TASHKEEL_PRESENTATION_FORMS = /[\uFC5E-\uFC63\uFE70-\uFE7F]/gu
// Tatweel or tashkeel may sit between the two letters: «مسئـولية», «مسئُولية».
const YEH_HAMZA_BEFORE_WAW = /\u0626(?=[\u064B-\u065F\u0670\u0640]*\u0648)/gu
// Quranic annotation marks, Latin combining accents, and the Arabic marks that decomposition
// splits off letters foldForMatching does not know (ۀ, ۓ).
const MARKS = /[\u0300-\u036F\u064B-\u065F\u0670\u06D6-\u06ED]/gu
// Invisible format characters that copy-paste and PDF extraction sprinkle into words: soft
// hyphen, Arabic letter mark, zero-width (non-)joiners and spaces, bidi marks and isolates, BOM.
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u06CC': '\u064A', // Persian yeh ی → ي
  '\u06A9': '\u0643', // Persian keheh ک → ك
}
const LETTER_VARIANT = /[\u0624\u0626\u06CC\u06A9]/gu
// Arabic-Indic and Eastern Arabic-Indic digits, so «٢٠٠٣» and «2003» find each other.
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/gu

function asciiDigit(digit: string): string {
  const code = digit.charCodeAt(0)
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
}

/**
 * Folds text for search, never for display: two texts that a reader would call the same word
 * fold to the same string, so matching is a plain substring test on folded text.
 */
export function foldForSearch(text: string): string {
  const composed = text
    .replace(INVISIBLE, '')
    .replace(TASHKEEL_PRESENTATION_FORMS, '')
    .normalize('NFKC')
  return foldForMatching(composed.replace(YEH_HAMZA_BEFORE_WAW, '\u0624'))
    .replace(LETTER_VARIANT, (letter) => LETTER_VARIANTS[letter] ?? letter)
    .replace(ARABIC_INDIC_DIGIT, asciiDigit)
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** The words of a search query, folded; a text matches when it contains every one of them. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter((term) => term !== '')
}
