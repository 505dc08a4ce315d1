/** How the interface shows when something was written: a comment's card, a student's last edit. */
export const TIME_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }

/** One formatter per language: building one is slow, and a margin shows many entries. */
const timeFormats = new Map<string, Intl.DateTimeFormat>()

export function timeFormatFor(language: string): Intl.DateTimeFormat {
  let format = timeFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language, TIME_FORMAT)
    timeFormats.set(language, format)
  }
  return format
}

/**
 * When something was written, in the interface's language. A stored time that is not one (from
 * a damaged or foreign document: the schema keeps the text as it is) is shown as stored, rather
 * than thrown on.
 */
export function writtenAt(language: string, timestamp: string): string {
  const time = Date.parse(timestamp)
  return Number.isNaN(time) ? timestamp : timeFormatFor(language).format(time)
}
