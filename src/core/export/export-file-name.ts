/** Room left for the extension within the 255 bytes most file systems allow a name. */
const MAX_STEM_BYTES = 200

// Refused by Windows (and so by anything that may end up on a Windows disk or a FAT stick).
const RESERVED_CHARACTERS = /[<>:"/\\|?*\p{Cc}\p{Cf}\p{Cs}]/gu
const RESERVED_STEMS = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/iu

/**
 * A file name made from user text (an article title, a student's name) that every common file
 * system accepts and that stays one name: no path separators, no "..", no control or bidi
 * formatting characters, no trailing dots or spaces, no device names; Arabic letters are kept.
 * `fallback` is used when nothing is left.
 */
export function exportFileName(stem: string, extension: string, fallback = 'notes'): string {
  const cleaned = stem
    .normalize('NFC')
    .replace(RESERVED_CHARACTERS, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '')
  let safe = truncateUtf8(cleaned, MAX_STEM_BYTES).replace(/[\s.]+$/u, '')
  if (safe === '') safe = fallback
  if (RESERVED_STEMS.test(safe)) safe = `_${safe}`
  const ext = extension.replace(/[^a-z0-9]/giu, '')
  return ext === '' ? safe : `${safe}.${ext}`
}

function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0
  let out = ''
  for (const char of text) {
    bytes += utf8Length(char.codePointAt(0) ?? 0)
    if (bytes > maxBytes) break
    out += char
  }
  return out
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}
