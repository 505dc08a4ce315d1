import type {
  Code,
  Heading,
  List,
  ListItem,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import { escapeText } from './markdown-text-escape'

/**
 * Markdown text of the trees the exports build: headings, paragraphs, quotes, lists, fenced code,
 * rules, GFM tables, and text, emphasis, strong, strikethrough, inline code, links and hard
 * breaks inside them.
 *
 * mdast-util-to-markdown is general and careful, and so slow: it tries some forty escaping
 * patterns on every text node, which made an export of 5,000 annotations take seconds. This
 * writer handles those few node kinds directly, escaping text with `escapeText`. Anything it
 * cannot write with certainty (emphasis whose neighbours would stop it from forming, a break
 * inside a heading, a line break inside a table cell, an odd link) makes it hand that block to
 * mdast-util-to-markdown, so the document is always right, and usually fast.
 */
export function writeMarkdown(root: Root): string {
  return flow(root.children, false, libraryBlock)
}

/** The same, or null where some block needs mdast-util-to-markdown (for tests of this writer). */
export function writeMarkdownDirectly(root: Root): string | null {
  try {
    return flow(root.children, false, () => {
      throw NEEDS_LIBRARY
    })
  } catch (error) {
    if (error === NEEDS_LIBRARY) return null
    throw error
  }
}

/** Thrown inside a block this writer cannot write with certainty. */
const NEEDS_LIBRARY = Symbol('needs mdast-util-to-markdown')

type Fallback = (node: RootContent) => string

/** mdast-util-to-markdown with the exports' settings, for one block. */
function libraryBlock(node: RootContent): string {
  return toMarkdown(
    { type: 'root', children: [node] },
    {
      extensions: [gfmToMarkdown()],
      bullet: '-',
      emphasis: '*',
      strong: '*',
      fences: true,
      listItemIndent: 'one',
      rule: '-',
    },
  ).replace(/\n$/u, '')
}

// ---- Blocks --------------------------------------------------------------------------------------

/** Blocks one after the other; in a tight list item, some follow on the next line. */
function flow(nodes: readonly RootContent[], tight: boolean, fallback: Fallback): string {
  let out = ''
  let previous: RootContent | undefined
  let listsInARow = 0
  for (const node of nodes) {
    listsInARow = node.type === 'list' ? listsInARow + 1 : 0
    const written = blockOrFallback(node, listsInARow % 2 === 0, fallback)
    if (previous !== undefined) out += tight && followsOnNextLine(node) ? '\n' : '\n\n'
    out += written
    previous = node
  }
  return out
}

/**
 * In a tight list item, what may follow a paragraph on the very next line without joining it:
 * a fenced code block, a bullet list, an ordered list that starts at 1. Anything else gets a
 * blank line (the item then reads as loose, which changes no structure).
 */
function followsOnNextLine(node: RootContent): boolean {
  if (node.type === 'code') return true
  if (node.type !== 'list') return false
  return node.ordered !== true || (node.start ?? 1) === 1
}

function blockOrFallback(node: RootContent, otherMarker: boolean, fallback: Fallback): string {
  try {
    return block(node, otherMarker, fallback)
  } catch (error) {
    if (error === NEEDS_LIBRARY) return fallback(node)
    throw error
  }
}

function block(node: RootContent, otherMarker: boolean, fallback: Fallback): string {
  switch (node.type) {
    case 'heading':
      return heading(node)
    case 'paragraph':
      return inlineBlock(node.children, true)
    case 'blockquote':
      return quoteLines(flow(node.children, false, fallback))
    case 'list':
      return list(node, otherMarker, fallback)
    case 'code':
      return code(node)
    case 'thematicBreak':
      return '---'
    case 'table':
      return table(node)
    default:
      throw NEEDS_LIBRARY
  }
}

function heading(node: Heading): string {
  // A closing run of "#" would be read as the heading's closing sequence, not its text.
  const text = inlineBlock(node.children, false).replace(/(?<!\\)#+$/u, '\\$&')
  return text === '' ? '#'.repeat(node.depth) : `${'#'.repeat(node.depth)} ${text}`
}

/**
 * A list; right after another list it takes the other marker ("*" for "-", ")" for "."), or
 * the two would read as one list.
 */
function list(node: List, otherMarker: boolean, fallback: Fallback): string {
  const start = node.start ?? 1
  return node.children
    .map((item, index) => {
      const marker = node.ordered
        ? `${start + index}${otherMarker ? ')' : '.'}`
        : otherMarker
          ? '*'
          : '-'
      return listItem(item, marker, node.spread === true || item.spread === true, fallback)
    })
    .join(node.spread === true ? '\n\n' : '\n')
}

function listItem(item: ListItem, marker: string, spread: boolean, fallback: Fallback): string {
  // "- ---" is a rule, not an item holding one.
  if (item.children[0]?.type === 'thematicBreak') throw NEEDS_LIBRARY
  const content = flow(item.children as RootContent[], !spread, fallback)
  if (content === '') return marker
  // Every line after the first is indented to the content, but a blank line stays blank.
  const indent = ' '.repeat(marker.length + 1)
  return `${marker} ${content.replace(/\n(?=[^\n])/gu, `\n${indent}`)}`
}

function code(node: Code): string {
  if (/\r/u.test(node.value) || (node.lang != null && !/^[\w+#.-]+$/u.test(node.lang))) {
    throw NEEDS_LIBRARY
  }
  const longestRun = Math.max(0, ...(node.value.match(/`+/gu) ?? []).map((run) => run.length))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  const body = node.value === '' ? '' : `${node.value}\n`
  return `${fence}${node.lang ?? ''}\n${body}${fence}`
}

function table(node: Table): string {
  // Only text in cells: a code span holding "|" would need GFM's own escaping rules.
  const cellText = (children: readonly PhrasingContent[]): string => {
    if (children.some((child) => child.type !== 'text')) throw NEEDS_LIBRARY
    return inlineBlock(children, false)
  }
  const rows = node.children.map(
    (row) => `| ${row.children.map((cell) => cellText(cell.children)).join(' | ')} |`,
  )
  const columns = node.children[0]?.children.length ?? 0
  const delimiter = Array.from({ length: columns }, (_, index) => {
    const align = node.align?.[index]
    return align === 'left' ? ':--' : align === 'right' ? '--:' : align === 'center' ? ':-:' : '---'
  })
  const [header = '', ...body] = rows
  return [header, `| ${delimiter.join(' | ')} |`, ...body].join('\n')
}

/** "> " before each line, and a bare ">" for a blank one. */
function quoteLines(text: string): string {
  const quoted = `\n${text}`.replace(/\n(?=[^\n])/gu, '\n> ').replace(/\n(?=\n|$)/gu, '\n>')
  return quoted.slice(1)
}

// ---- Inline content ------------------------------------------------------------------------------

/**
 * The phrasing content of one block; `multiline` in a paragraph, not in a heading or a table
 * cell. Its start is treated as a line start everywhere: after "## " or "| " the escapes that
 * prevents are not needed, but leading spaces would be dropped there too.
 */
function inlineBlock(children: readonly PhrasingContent[], multiline: boolean): string {
  const nodes = mergedText(children)
  if (!multiline && nodes.some(holdsLineBreak)) throw NEEDS_LIBRARY
  const out = inline(nodes, { before: null, after: null, lineStart: true })
  // An empty line would end the paragraph; a break at either end of one is no break.
  if (multiline && (out === '' || hasEdgeOrBlankLine(out))) throw NEEDS_LIBRARY
  return out
}

function hasEdgeOrBlankLine(text: string): boolean {
  return (
    text.startsWith('\n') ||
    text.endsWith('\n') ||
    text.includes('\n\n') ||
    text.startsWith('\\\n') ||
    text.endsWith('\\\n')
  )
}

interface InlineContext {
  /** The character just before this run of nodes, or null at a line's edge. */
  readonly before: string | null
  readonly after: string | null
  /** The run starts a line of its block. */
  readonly lineStart: boolean
}

/** Emphasis-like nodes, written between two copies of their marker. */
const ATTENTION_MARKERS = { emphasis: '*', strong: '**', delete: '~~' } as const

function inline(nodes: readonly PhrasingContent[], context: InlineContext): string {
  const written: string[] = []
  for (let index = 0; index < nodes.length; index++) {
    const next = nodes[index + 1]
    written.push(
      phrasing(nodes[index] as PhrasingContent, {
        atLineStart: index === 0 ? context.lineStart : nodes[index - 1]?.type === 'break',
        atLineEnd: next === undefined ? context.after === null : next.type === 'break',
      }),
    )
  }
  // The pieces are joined once, at the end, and the last character written is kept aside:
  // reading the end of a string grown with += makes V8 copy it whole each time, and a paragraph
  // of thousands of lines took seconds.
  const out: string[] = []
  let last: string | undefined
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as PhrasingContent
    const text = written[index] as string
    if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete') {
      const marker = ATTENTION_MARKERS[node.type]
      const inside = text.slice(marker.length, text.length - marker.length)
      const before = last ?? context.before
      const following = written[index + 1]
      const after = following === undefined ? context.after : (following[0] ?? null)
      if (!attentionForms(before, inside, after)) throw NEEDS_LIBRARY
    }
    // "!" right before a link would make it an image.
    if (node.type === 'link' && last === '!') {
      const at = out.findLastIndex((piece) => piece !== '')
      out[at] = `${(out[at] as string).slice(0, -1)}\\!`
    }
    // Two runs of "*", "~" or "`" side by side would read as one: "**a***b*", "`a``b`".
    if ((last === '*' || last === '~' || last === '`') && last === text[0]) throw NEEDS_LIBRARY
    out.push(text)
    last = text.at(-1) ?? last
  }
  return out.join('')
}

function phrasing(
  node: PhrasingContent,
  place: { readonly atLineStart: boolean; readonly atLineEnd: boolean },
): string {
  switch (node.type) {
    case 'text':
      if (node.value.includes('\r') || /\n[ \t]*\n/u.test(node.value)) throw NEEDS_LIBRARY
      return escapeText(node.value, place)
    case 'break':
      return '\\\n'
    case 'emphasis':
    case 'strong':
    case 'delete': {
      const marker = ATTENTION_MARKERS[node.type]
      // The same run inside itself ("**a **b** c**") pairs up unpredictably.
      if (node.children.some((child) => holdsType(child, node.type))) throw NEEDS_LIBRARY
      const inside = inline(mergedText(node.children), {
        before: marker[0] as string,
        after: marker[0] as string,
        lineStart: false,
      })
      // Empty, or a run of the same marker just inside ("**" of emphasis in emphasis).
      if (inside === '' || inside[0] === marker[0] || inside.at(-1) === marker[0]) {
        throw NEEDS_LIBRARY
      }
      return `${marker}${inside}${marker}`
    }
    case 'inlineCode':
      return inlineCode(node.value)
    case 'link': {
      if (node.title != null || !/^[^\s<>()\\\p{Cc}]*$/u.test(node.url)) throw NEEDS_LIBRARY
      const text = inline(mergedText(node.children), { before: '[', after: ']', lineStart: false })
      return `[${text}](${node.url})`
    }
    default:
      throw NEEDS_LIBRARY
  }
}

/** Code spans: a fence of backticks longer than any run inside, padded where CommonMark strips. */
function inlineCode(value: string): string {
  if (value === '' || /[\r\n]/u.test(value)) throw NEEDS_LIBRARY
  let size = 1
  const runs = new Set((value.match(/`+/gu) ?? []).map((run) => run.length))
  while (runs.has(size)) size += 1
  const fence = '`'.repeat(size)
  const touchesFence = /^`|`$/u.test(value)
  const strippedSpaces = /^ [^]*[^ ][^]* $/u.test(value)
  const pad = touchesFence || strippedSpaces ? ' ' : ''
  return `${fence}${pad}${value}${pad}${fence}`
}

/**
 * Whether "*", "**" or "~~" around `inside` open and close there, by CommonMark's flanking rules
 * as mdast-util-to-markdown's `encodeInfo` tabulates them: the run fails when whitespace is just
 * inside it, or when punctuation is just inside and a letter just outside.
 */
function attentionForms(before: string | null, inside: string, after: string | null): boolean {
  const first = kindOf(inside[0] ?? null)
  const last = kindOf(inside.at(-1) ?? null)
  if (first === 'space' || last === 'space') return false
  if (first === 'punctuation' && kindOf(before) === 'letter') return false
  if (last === 'punctuation' && kindOf(after) === 'letter') return false
  return true
}

function kindOf(character: string | null): 'space' | 'punctuation' | 'letter' {
  if (character === null || /^\s$/u.test(character)) return 'space'
  return /^[\p{P}\p{S}]$/u.test(character) ? 'punctuation' : 'letter'
}

/** Adjacent text nodes as one, so that escaping sees "&" and "amp;" side by side. */
function mergedText(children: readonly PhrasingContent[]): readonly PhrasingContent[] {
  if (!needsMerging(children)) return children
  const out: PhrasingContent[] = []
  for (const child of children) {
    const last = out.at(-1)
    if (child.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = { type: 'text', value: last.value + child.value }
    } else if (child.type !== 'text' || child.value !== '') {
      out.push(child)
    }
  }
  return out
}

function needsMerging(children: readonly PhrasingContent[]): boolean {
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as PhrasingContent
    if (child.type !== 'text') continue
    if (child.value === '' || children[index + 1]?.type === 'text') return true
  }
  return false
}

function holdsType(node: Nodes, type: Nodes['type']): boolean {
  return (
    node.type === type ||
    ('children' in node && (node.children as Nodes[]).some((child) => holdsType(child, type)))
  )
}

function holdsLineBreak(node: Nodes): boolean {
  if (node.type === 'break') return true
  if ('value' in node && /[\r\n]/u.test(node.value)) return true
  return 'children' in node && (node.children as Nodes[]).some(holdsLineBreak)
}
