import type { ArticleDoc, ArticleMeta, PMMark, PMNode } from './article-doc'
import { groupByMark, type MarkGroup } from './mark-groups'

export interface ArticleMarkdownOptions {
  /**
   * The summary line of the folded publisher's notice. It belongs to the reader's language, not
   * the article's, so the UI passes its own wording; the default is for the CLI.
   */
  frontMatterLabel?: string
}

/**
 * An article as CommonMark/GFM with YAML front matter, readable on GitHub and in Obsidian.
 *
 * The text is escaped so that nothing in it can change the structure: a paragraph that starts
 * with "# " or "> " stays a paragraph, stars stay stars. Ordered lists whose items carry their
 * own number label (the article's «١-…», Arabic-Indic digits and all) are written as "- " items
 * with the label kept in the text: Markdown's own numbering would print ASCII digits and
 * number them twice. Lists without labels get Markdown numbers from the list's `start`.
 */
export function articleToMarkdown(doc: ArticleDoc, options: ArticleMarkdownOptions = {}): string {
  const context: RenderContext = {
    frontMatterLabel: options.frontMatterLabel ?? "Publisher's notice",
  }
  const blocks = renderBlocks(doc.content.content ?? [], context)
  return [yamlFrontMatter(doc.meta), ...blocks].join('\n\n') + '\n'
}

interface RenderContext {
  frontMatterLabel: string
}

// ---- YAML front matter ----------------------------------------------------------------------

function yamlFrontMatter(meta: ArticleMeta): string {
  const lines: string[] = [`title: ${yamlString(meta.title)}`]
  if (meta.titleEn) lines.push(`title_en: ${yamlString(meta.titleEn)}`)
  lines.push(`authors: ${yamlList(meta.authors)}`)
  if (meta.authorsEn.length > 0) lines.push(`authors_en: ${yamlList(meta.authorsEn)}`)
  if (meta.sourceUrl) lines.push(`source: ${yamlString(meta.sourceUrl)}`)
  if (meta.retrieved) lines.push(`retrieved: ${yamlString(meta.retrieved)}`)
  lines.push(`keywords: ${yamlList(meta.keywords)}`)
  if (meta.keywordsEn.length > 0) lines.push(`keywords_en: ${yamlList(meta.keywordsEn)}`)
  return ['---', ...lines, '---'].join('\n')
}

/**
 * A YAML double-quoted scalar. JSON strings are valid YAML, except that YAML forbids some
 * characters JSON leaves raw (DEL and the C1 controls, U+2028/2029, a BOM, noncharacters) and
 * YAML 1.1 reads NEL and U+2028/2029 as line breaks: those are written as \u escapes, which
 * both languages read the same way.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

function yamlList(items: readonly string[]): string {
  return `[${items.map(yamlString).join(', ')}]`
}

// ---- Blocks -----------------------------------------------------------------------------------

function renderBlocks(nodes: readonly PMNode[], context: RenderContext): string[] {
  return nodes.map((node) => renderBlock(node, context)).filter((block) => block !== '')
}

function renderBlock(node: PMNode, context: RenderContext): string {
  const children = node.content ?? []
  switch (node.type) {
    case 'paragraph':
      return renderTextblock(children, { inHeading: false })
    case 'heading': {
      const text = renderTextblock(children, { inHeading: true })
      const level = Math.min(Math.max(Number(node.attrs?.['level']) || 1, 1), 6)
      return text === '' ? '' : `${'#'.repeat(level)} ${text}`
    }
    case 'blockquote':
      return prefixLines(renderBlocks(children, context).join('\n\n'), '> ', '>')
    case 'bulletList':
      return renderList(children, () => '-', context)
    case 'orderedList': {
      if (children.every(startsWithNumberLabel)) return renderList(children, () => '-', context)
      const start = Number(node.attrs?.['start'] ?? 1) || 1
      return renderList(children, (index) => `${start + index}.`, context)
    }
    case 'frontMatter':
      return [
        '<details>',
        `<summary>${escapeHtml(context.frontMatterLabel)}</summary>`,
        '',
        ...renderBlocks(children, context).flatMap((block) => [block, '']),
        '</details>',
      ].join('\n')
    case 'horizontalRule':
      return '---'
    case 'codeBlock':
      return renderCodeBlock(node)
    default:
      // A node type this exporter does not know: keep its text rather than drop it.
      return children.some(isInlineNode)
        ? renderTextblock(children, { inHeading: false })
        : renderBlocks(children, context).join('\n\n')
  }
}

function renderList(
  items: readonly PMNode[],
  marker: (index: number) => string,
  context: RenderContext,
): string {
  const rendered = items.map((item) => renderBlocks(item.content ?? [], context))
  // A list is "tight" (no blank lines between items) when no item holds several blocks.
  const tight = rendered.every((blocks) => blocks.length <= 1)
  return rendered
    .map((blocks, index) => {
      const prefix = `${marker(index)} `
      const body = prefixLines(blocks.join('\n\n'), ' '.repeat(prefix.length), '')
      return prefix + body.slice(prefix.length)
    })
    .join(tight ? '\n' : '\n\n')
}

/** "١-", "1-", "3.", "(2)", "iv)" …: an item that numbers itself. */
function startsWithNumberLabel(item: PMNode): boolean {
  const text = plainTextOf(item).trimStart()
  return /^\(?(?:\p{Nd}+|[ivxlcdm]+)\s*[-.)\u2013\u2014]/iu.test(text)
}

function plainTextOf(node: PMNode): string {
  return node.text ?? (node.content ?? []).map(plainTextOf).join('')
}

function prefixLines(text: string, prefix: string, emptyLinePrefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? emptyLinePrefix : prefix + line))
    .join('\n')
}

function renderCodeBlock(node: PMNode): string {
  const code = plainTextOf(node)
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1))
  const language = node.attrs?.['language']
  const info = typeof language === 'string' && /^[\w+#.-]+$/.test(language) ? language : ''
  return `${fence}${info}\n${code}\n${fence}`
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

// ---- Inline content ---------------------------------------------------------------------------

interface TextblockOptions {
  /** A heading is one line: hard breaks become spaces. */
  inHeading: boolean
}

function isInlineNode(node: PMNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak'
}

function renderTextblock(nodes: readonly PMNode[], options: TextblockOptions): string {
  const inline = nodes.filter(isInlineNode).flatMap((node) => splitNewlines(node, options))
  const text = renderMarked(inline, 0, { before: '', after: '' })
  return text
    .split('\n')
    .map((line, index, lines) =>
      escapeLineStart(index === lines.length - 1 ? line : line.trimEnd()),
    )
    .join('\n')
    .trim()
}

/** A newline inside a text node is a line break in the text: written as a hard break. */
function splitNewlines(node: PMNode, options: TextblockOptions): PMNode[] {
  if (node.type === 'hardBreak') {
    return [options.inHeading ? { ...node, type: 'text', text: ' ' } : node]
  }
  const lines = (node.text ?? '').split(/\r\n?|\n/)
  if (options.inHeading) return [{ ...node, text: lines.join(' ') }]
  return lines.flatMap((line, index) => {
    const textNode: PMNode = { ...node, text: line }
    return index === 0 ? [textNode] : [{ type: 'hardBreak' }, textNode]
  })
}

/** Marks from the outside in: a link holds emphasis, and code (literal text) is innermost. */
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'underline', 'code'] as const

interface Neighbours {
  /** The character written just before this run ('' at the start of a line). */
  before: string
  /** The character written just after it ('' at the end of a line). */
  after: string
}

/** What a run's content sits between once wrapped; a star stands for any emphasis delimiter. */
const LINK_INSIDE: Neighbours = { before: '[', after: ']' }
const EMPHASIS_INSIDE: Neighbours = { before: '*', after: '*' }

/**
 * Writes inline nodes, wrapping maximal runs that share a mark, mark by mark in MARK_ORDER, so
 * the delimiters nest properly however the marks overlap.
 */
function renderMarked(nodes: readonly PMNode[], level: number, neighbours: Neighbours): string {
  const markType = MARK_ORDER[level]
  if (markType === undefined) return nodes.map(renderPlainInline).join('')
  if (markType === 'code') return renderCodeRuns(nodes, level, neighbours)

  const groups = groupByMark(nodes, markType)
  const inner = groups.map((group) =>
    renderMarked(
      group.nodes,
      level + 1,
      !group.mark ? neighbours : group.mark.type === 'link' ? LINK_INSIDE : EMPHASIS_INSIDE,
    ),
  )
  let output = ''
  groups.forEach((group, index) => {
    const text = inner[index] ?? ''
    if (!group.mark) {
      output += text
      return
    }
    // "!" before a link would make it an image.
    if (group.mark.type === 'link' && output.endsWith('!')) output = `${output.slice(0, -1)}\\!`
    const before = output.at(-1) ?? neighbours.before
    output += wrapInMark(
      group.mark,
      text,
      before,
      firstCharOfGroup(groups, inner, index + 1, neighbours),
    )
  })
  return output
}

/**
 * The first character the group at `index` will be written with: a marked group's opening is
 * not decided yet, so it counts as a star, which keeps neighbouring delimiters from merging.
 */
function firstCharOfGroup(
  groups: readonly MarkGroup[],
  inner: readonly string[],
  index: number,
  neighbours: Neighbours,
): string {
  const group = groups[index]
  if (group === undefined) return neighbours.after
  if (group.mark) return group.mark.type === 'link' ? '[' : '*'
  return inner[index]?.[0] ?? ''
}

function renderCodeRuns(nodes: readonly PMNode[], level: number, neighbours: Neighbours): string {
  return groupByMark(nodes, 'code')
    .map((group) =>
      group.mark
        ? codeSpan(group.nodes.map((node) => node.text ?? '').join(''))
        : renderMarked(group.nodes, level + 1, neighbours),
    )
    .join('')
}

interface Emphasis {
  /** Delimiters to try, in order of preference. */
  delimiters: string[]
  /** Written when no delimiter would parse back: HTML works wherever Markdown does. */
  htmlTag: string
}

const EMPHASIS: Record<string, Emphasis | undefined> = {
  bold: { delimiters: ['**', '__'], htmlTag: 'strong' },
  italic: { delimiters: ['*', '_'], htmlTag: 'em' },
  strike: { delimiters: ['~~'], htmlTag: 'del' },
  underline: { delimiters: [], htmlTag: 'u' },
}

function wrapInMark(mark: PMMark, text: string, before: string, after: string): string {
  if (mark.type === 'link') return renderLink(text, mark.attrs?.['href'])
  const emphasis = EMPHASIS[mark.type]
  if (!emphasis) return text
  // Delimiters must hug the text: "** x**" is not bold. Edge spaces go outside.
  const core = text.trim()
  if (core === '') return text
  const leading = text.slice(0, text.indexOf(core))
  const trailing = text.slice(leading.length + core.length)
  const outsideBefore = leading === '' ? before : ' '
  const outsideAfter = trailing === '' ? after : ' '
  const delimiter = emphasis.delimiters.find((candidate) =>
    delimiterParses(candidate, outsideBefore, core, outsideAfter),
  )
  const wrapped =
    delimiter === undefined
      ? `<${emphasis.htmlTag}>${core}</${emphasis.htmlTag}>`
      : `${delimiter}${core}${delimiter}`
  return leading + wrapped + trailing
}

/*
 * CommonMark's flanking rules decide whether a delimiter run can open or close emphasis; an
 * underscore is stricter, so that snake_case stays text. A run touching another run of the same
 * character would merge with it, so that is refused too. '' stands for the start or end of a line.
 */
function delimiterParses(delimiter: string, before: string, core: string, after: string): boolean {
  const char = delimiter[0] ?? ''
  const first = core[0] ?? ''
  const last = core.at(-1) ?? ''
  if ([before, first, last, after].includes(char)) return false
  const opens = leftFlanking(before, first)
  const closes = rightFlanking(last, after)
  if (char !== '_') return opens && closes
  return (
    opens &&
    (!rightFlanking(before, first) || isPunctuation(before)) &&
    closes &&
    (!leftFlanking(last, after) || isPunctuation(after))
  )
}

function leftFlanking(before: string, after: string): boolean {
  if (after === '' || isWhitespace(after)) return false
  return !isPunctuation(after) || before === '' || isWhitespace(before) || isPunctuation(before)
}

function rightFlanking(before: string, after: string): boolean {
  if (before === '' || isWhitespace(before)) return false
  return !isPunctuation(before) || after === '' || isWhitespace(after) || isPunctuation(after)
}

function isWhitespace(char: string): boolean {
  return /\s/u.test(char)
}

function isPunctuation(char: string): boolean {
  return /[\p{P}\p{S}]/u.test(char)
}

const SAFE_LINK_SCHEME = /^(?:https?|mailto):/i
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i

function renderLink(text: string, href: unknown): string {
  // A javascript: or data: link in an exported file would run wherever the file is rendered.
  if (typeof href !== 'string' || (ANY_SCHEME.test(href) && !SAFE_LINK_SCHEME.test(href))) {
    return text
  }
  const destination = href.replace(/[\s\p{Cc}]/gu, (char) => encodeURIComponent(char))
  if (text === escapeInlineText(href) && /^https?:\/\/[^<>]+$/i.test(destination)) {
    return `<${destination}>`
  }
  const safeDestination = /[()<>\\]/.test(destination)
    ? `<${destination.replace(/[<>\\]/g, '\\$&')}>`
    : destination
  return `[${text}](${safeDestination})`
}

function codeSpan(code: string): string {
  const fence = '`'.repeat(longestRun(code, '`') + 1)
  // A space pad keeps a backtick at either edge from joining the fence; CommonMark strips it.
  const padded =
    /^`|`$/.test(code) || (/^ [^]* $/.test(code) && code.trim() !== '') ? ` ${code} ` : code
  return `${fence}${padded}${fence}`
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let current = 0
  for (const c of text) {
    current = c === char ? current + 1 : 0
    longest = Math.max(longest, current)
  }
  return longest
}

function renderPlainInline(node: PMNode): string {
  if (node.type === 'hardBreak') return '\\\n'
  return escapeInlineText(node.text ?? '')
}

/**
 * Backslash-escapes what could start Markdown syntax anywhere in a line: emphasis, code, links,
 * autolinks and HTML, tables, strikethrough, math (GitHub, Obsidian), tags, highlights and
 * entity references. An underscore between two letters or digits cannot start emphasis, so
 * e-mail addresses and identifiers stay readable.
 *
 * A bare URL is left as it is: GFM makes it a link on its own, and a backslash inside it would
 * become part of the link and show.
 */
export function escapeInlineText(text: string): string {
  let output = ''
  let done = 0
  for (const match of text.matchAll(/(?:https?:\/\/|www\.)[^\s<]+/gi)) {
    const url = withoutTrailingPunctuation(match[0])
    output += escapeCharacters(text.slice(done, match.index)) + url
    done = match.index + url.length
  }
  return output + escapeCharacters(text.slice(done))
}

/** GFM leaves trailing punctuation and an unbalanced closing parenthesis out of a bare URL. */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length
  for (;;) {
    const last = url[end - 1] ?? ''
    if ('?!.,:*_~\'"'.includes(last)) end--
    else if (last === ')' && count(url.slice(0, end), ')') > count(url.slice(0, end), '(')) end--
    else break
  }
  return url.slice(0, end)
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}

function escapeCharacters(text: string): string {
  const chars = Array.from(text)
  return chars
    .map((char, index) => {
      const previous = chars[index - 1] ?? ''
      const next = chars[index + 1] ?? ''
      if ('\\`*[]<>|~$#'.includes(char)) return `\\${char}`
      if (char === '_' && !(isWordChar(previous) && isWordChar(next))) return '\\_'
      if ((char === '=' || char === '%') && (previous === char || next === char)) return `\\${char}`
      if (char === '&' && /^#?[a-z0-9]+;/i.test(chars.slice(index + 1, index + 12).join(''))) {
        return '\\&'
      }
      return char
    })
    .join('')
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char)
}

/**
 * What only matters at the start of a line: list markers ("-", "+", "1." and "1)"), setext
 * underlines ("=" and "-") and indentation, which would make a code block.
 */
function escapeLineStart(line: string): string {
  const text = line.replace(/^[ \t]+/, '')
  if (/^[-+=]/.test(text)) return `\\${text}`
  return text.replace(/^(\d{1,9})([.)])/, '$1\\$2')
}
