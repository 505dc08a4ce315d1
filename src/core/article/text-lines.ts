/** The lines of an imported text file, whatever its line endings, without a byte order mark. */
export function textLines(text: string): string[] {
  return text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u)
}
