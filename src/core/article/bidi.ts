import type { BlockDirection } from './article-doc'

/*
 * JavaScript regexes cannot test `Bidi_Class`, so the strong classes are approximated from
 * scripts: a letter of a right-to-left script is R or AL, any other letter is L. Digits,
 * punctuation, spaces and combining marks are weak or neutral and never decide a direction.
 * A few R/AL characters are not letters of an RTL script and are listed by code point.
 */
const RTL_SCRIPT_LETTER = new RegExp(
  '[' +
    [
      'Hebrew',
      'Arabic',
      'Syriac',
      'Thaana',
      'Nko',
      'Samaritan',
      'Mandaic',
      'Adlam',
      'Hanifi_Rohingya',
      'Mende_Kikakui',
      'Cypriot',
      'Imperial_Aramaic',
      'Phoenician',
      'Lydian',
      'Meroitic_Hieroglyphs',
      'Meroitic_Cursive',
      'Kharoshthi',
      'Old_South_Arabian',
      'Old_North_Arabian',
      'Avestan',
      'Inscriptional_Parthian',
      'Inscriptional_Pahlavi',
      'Psalter_Pahlavi',
      'Old_Turkic',
      'Nabataean',
      'Palmyrene',
      'Manichaean',
      'Hatran',
      'Old_Hungarian',
      'Old_Sogdian',
      'Sogdian',
      'Elymaic',
      'Chorasmian',
      'Yezidi',
      'Old_Uyghur',
    ]
      .map((script) => `\\p{Script=${script}}`)
      .join('') +
    ']',
  'u',
)

const LETTER = /\p{L}/u

/**
 * R/AL characters that the script test above misses: RLM and ALM (format characters), tatweel
 * (script Common), and the Arabic and Hebrew punctuation whose bidi class is AL or R.
 */
const RTL_NON_LETTERS = new Set([
  0x200f, 0x061c, 0x0640, 0x0608, 0x060b, 0x060d, 0x061b, 0x061d, 0x061e, 0x061f, 0x066d, 0x06d4,
  0x05be, 0x05c0, 0x05c3, 0x05c6, 0x05f3, 0x05f4,
])

const LEFT_TO_RIGHT_MARK = 0x200e

const ISOLATE_INITIATORS = new Set([0x2066, 0x2067, 0x2068])
const POP_DIRECTIONAL_ISOLATE = 0x2069

/** The strong bidi class of one code point, or null when it is weak or neutral. */
export function strongDirectionOf(char: string): BlockDirection | null {
  const codePoint = char.codePointAt(0)
  if (codePoint === undefined) return null
  if (RTL_NON_LETTERS.has(codePoint)) return 'rtl'
  if (codePoint === LEFT_TO_RIGHT_MARK) return 'ltr'
  if (!LETTER.test(char)) return null
  return RTL_SCRIPT_LETTER.test(char) ? 'rtl' : 'ltr'
}

/**
 * The direction of the first strong character (Unicode bidi rules P2–P3), skipping text inside
 * isolates (LRI, RLI, FSI up to the matching PDI, or to the end when it is never closed).
 * Null when the text has no strong character at all.
 */
export function firstStrongDirection(text: string): BlockDirection | null {
  let isolateDepth = 0
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0
    if (ISOLATE_INITIATORS.has(codePoint)) {
      isolateDepth += 1
      continue
    }
    if (codePoint === POP_DIRECTIONAL_ISOLATE) {
      // A PDI with no open isolate is ignored, as P2 says.
      if (isolateDepth > 0) isolateDepth -= 1
      continue
    }
    if (isolateDepth > 0) continue
    const direction = strongDirectionOf(char)
    if (direction) return direction
  }
  return null
}

/** The direction of a block of text; `fallback` when no character decides it. */
export function blockDirection(text: string, fallback: BlockDirection): BlockDirection {
  return firstStrongDirection(text) ?? fallback
}
