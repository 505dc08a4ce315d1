/*
 * The YAML front matter block (`---` … `---`) that Obsidian, Jekyll and pandoc put at the top
 * of a Markdown file. Only the few flat fields an article needs are read, without a YAML
 * library: `title`, `author`/`authors` (a string, a `[a, b]` list or `- item` lines) and `lang`/`language`.
 */

export interface MarkdownFrontMatter {
  title?: string
  authors: string[]
  language?: string
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u

/** Splits the front matter from the body; the body keeps its text byte for byte. */
export function splitFrontMatter(text: string): { fields: MarkdownFrontMatter; body: string } {
  const source = text.replace(/^\uFEFF/u, '')
  const match = FRONT_MATTER.exec(source)
  if (!match) return { fields: { authors: [] }, body: source }
  return { fields: parseFields(match[1] ?? ''), body: source.slice(match[0].length) }
}

function parseFields(yaml: string): MarkdownFrontMatter {
  const fields: MarkdownFrontMatter = { authors: [] }
  const lines = yaml.split(/\r?\n/u)
  for (const [index, line] of lines.entries()) {
    const entry = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/u.exec(line)
    if (!entry) continue
    const key = (entry[1] ?? '').toLowerCase()
    const raw = entry[2] ?? ''
    const value = scalar(raw)
    if (key === 'title' && value) fields.title = value
    if ((key === 'lang' || key === 'language') && value) fields.language = value
    if (key === 'author' || key === 'authors') {
      fields.authors = value ? flowList(raw) : listItemsAfter(lines, index)
    }
  }
  return fields
}

function listItemsAfter(lines: readonly string[], keyIndex: number): string[] {
  const items: string[] = []
  for (const line of lines.slice(keyIndex + 1)) {
    const item = /^\s+-\s+(.*)$/u.exec(line) ?? /^-\s+(.*)$/u.exec(line)
    if (!item) break
    const value = scalar(item[1] ?? '')
    if (value) items.push(value)
  }
  return items
}

/** A plain, single- or double-quoted YAML scalar. */
function scalar(raw: string): string {
  const value = raw.trim()
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      return String(JSON.parse(value)).trim()
    } catch {
      return value.slice(1, -1).trim()
    }
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
    return value.slice(1, -1).replace(/''/gu, "'").trim()
  }
  return value.replace(/\s+#.*$/u, '').trim()
}

/** `[a, "b"]`, YAML's flow list, as its items; any other value as one item. */
function flowList(raw: string): string[] {
  const value = raw.trim()
  if (!(value.startsWith('[') && value.endsWith(']'))) return [scalar(value)]
  return value
    .slice(1, -1)
    .split(',')
    .map((part) => scalar(part))
    .filter((part) => part !== '')
}
