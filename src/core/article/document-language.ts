import type { BlockDirection } from './article-doc'

/** Primary language subtags written right to left (CLDR's RTL locales). */
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'mzn',
  'nqo',
  'pnb',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
])

const ARABIC_SCRIPT_SUBTAG = /-arab(-|$)/i
const HEBREW_SCRIPT_SUBTAG = /-hebr(-|$)/i

export function directionOfLanguage(languageTag: string): BlockDirection {
  const primary = languageTag.split('-')[0]?.toLowerCase() ?? ''
  if (RTL_LANGUAGES.has(primary)) return 'rtl'
  if (ARABIC_SCRIPT_SUBTAG.test(languageTag) || HEBREW_SCRIPT_SUBTAG.test(languageTag)) return 'rtl'
  return 'ltr'
}

/**
 * The language to record when the source does not say: Arabic when right-to-left text
 * dominates (by length of the blocks in each direction), English otherwise.
 */
export function languageOfDominantDirection(
  blocks: readonly { text: string; dir: BlockDirection | null }[],
): 'ar' | 'en' {
  let rtl = 0
  let ltr = 0
  for (const { text, dir } of blocks) {
    if (dir === 'rtl') rtl += text.length
    else if (dir === 'ltr') ltr += text.length
  }
  return rtl > ltr ? 'ar' : 'en'
}

/** A BCP 47-looking tag (`ar`, `en-GB`, `zh-Hant-TW`), for languages declared by the source. */
export function isLanguageTag(value: string): boolean {
  return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(value)
}
