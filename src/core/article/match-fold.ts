/**
 * Folds text for matching labels and heading words, never for output: Arabic authors and
 * PDF extraction vary hamza forms on alef, ta marbuta/ha, alef maqsura/ya, tatweel and
 * diacritics ("الأول" / "الاول", "أهمية" / "اهمية"), and Latin case does not matter.
 */
export function foldForMatching(text: string): string {
  return text
    .replace(/\u0640|[\u064b-\u065f\u0670]/gu, '')
    .replace(/[\u0622\u0623\u0625\u0671]/gu, '\u0627')
    .replace(/\u0629/gu, '\u0647')
    .replace(/\u0649/gu, '\u064a')
    .toLowerCase()
}

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => word !== '').length
}
