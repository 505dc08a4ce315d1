import type { BlockContent, ListItem, Nodes, PhrasingContent, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { mulberry32, randomInt } from '../seeded-random'
import { writeMarkdown, writeMarkdownDirectly } from './markdown-writer'

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

/**
 * A bare URL or e-mail address that GFM made a link of, as the text it was. No escape prevents
 * that in micromark (it links after escapes are read), and the text is unchanged, so it is not a
 * difference of structure.
 */
function autolinkAsText(node: Nodes): Nodes {
  if (node.type !== 'link' || node.children.length !== 1) return node
  const [child] = node.children
  if (child?.type !== 'text') return node
  const bare = [child.value, `mailto:${child.value}`, `http://${child.value}`]
  return bare.includes(node.url) ? child : node
}

/** The parts of a tree that are its meaning: no positions, no tight/loose, texts merged. */
function meaning(node: Nodes): unknown {
  const out: Record<string, unknown> = { type: node.type }
  if ('value' in node) out['value'] = node.value
  if (node.type === 'heading') out['depth'] = node.depth
  if (node.type === 'list') {
    out['ordered'] = node.ordered === true
    if (node.ordered === true) out['start'] = node.start ?? 1
  }
  if (node.type === 'code') out['lang'] = node.lang ?? null
  if (node.type === 'link') out['url'] = node.url
  if (node.type === 'table') out['align'] = node.align ?? []
  if ('children' in node) {
    const merged: Nodes[] = []
    for (const child of (node.children as Nodes[]).map(autolinkAsText)) {
      const last = merged.at(-1)
      if (child.type === 'text' && last?.type === 'text') {
        merged[merged.length - 1] = { type: 'text', value: last.value + child.value }
      } else if (child.type !== 'text' || child.value !== '') {
        merged.push(child)
      }
    }
    out['children'] = merged.map(meaning)
  }
  return out
}

const text = (value: string): PhrasingContent => ({ type: 'text', value })
const paragraph = (...children: PhrasingContent[]): BlockContent => ({
  type: 'paragraph',
  children,
})
const root = (...children: RootContent[]): Root => ({ type: 'root', children })

/** Characters that mean something somewhere in Markdown, and some that mean nothing. */
const PIECES = [
  ...'\\`*_[]()<>!#|~&-+=.:@ \t0123456789abcXYZ',
  ...'هامشالدبلوماسية ١٢٣',
  'www.',
  'http://',
  'a@b.co',
  '&amp;',
  '&#35;',
  '1.',
  '2)',
  '```',
  '~~~',
  '---',
  '***',
  '<div>',
  '<!--',
  '[x]: /u',
  '[^1]',
  '![i](x)',
  'snake_case',
  '    ',
  '- [ ] ',
  '\u00a0',
  '\u200f',
]

function randomText(random: () => number, multiline: boolean): string {
  let out = ''
  const length = randomInt(random, 1, 12)
  for (let i = 0; i < length; i++) {
    out += PIECES[randomInt(random, 0, PIECES.length - 1)]
    if (multiline && random() < 0.1) out += '\n'
  }
  // Lines that are blank, or a text that starts or ends a line break, cannot be told apart from
  // the block structure around them; the export never makes them.
  out = out.replace(/\n[ \t\u00a0]*(?=\n)/gu, '\n x').replace(/^\n+|\n+$/gu, '')
  return out === '' ? 'x' : out
}

function randomPhrasing(
  random: () => number,
  depth: number,
  multiline: boolean,
): PhrasingContent[] {
  const out: PhrasingContent[] = []
  const count = randomInt(random, 1, 4)
  for (let i = 0; i < count; i++) {
    const roll = random()
    if (roll < 0.5 || depth > 1) out.push(text(randomText(random, multiline)))
    else if (roll < 0.6)
      out.push({ type: 'strong', children: randomPhrasing(random, depth + 1, multiline) })
    else if (roll < 0.7)
      out.push({ type: 'emphasis', children: randomPhrasing(random, depth + 1, multiline) })
    else if (roll < 0.75)
      out.push({ type: 'delete', children: randomPhrasing(random, depth + 1, multiline) })
    else if (roll < 0.85) out.push({ type: 'inlineCode', value: randomText(random, false) })
    else if (roll < 0.93)
      out.push({
        type: 'link',
        url: random() < 0.5 ? 'https://example.org/a_(b)' : 'mailto:x@example.org',
        title: null,
        children: [text(randomText(random, false))],
      })
    else if (multiline && i > 0 && i < count - 1) out.push({ type: 'break' })
    else out.push(text(randomText(random, multiline)))
  }
  return out
}

function randomBlock(random: () => number, depth: number): RootContent {
  const roll = random()
  if (roll < 0.35 || depth > 2) return paragraph(...randomPhrasing(random, 0, true))
  if (roll < 0.5)
    return {
      type: 'heading',
      depth: randomInt(random, 1, 6) as 1,
      children: randomPhrasing(random, 0, false),
    }
  if (roll < 0.6) {
    return {
      type: 'blockquote',
      children: Array.from({ length: randomInt(random, 1, 3) }, () =>
        paragraph(...randomPhrasing(random, 0, true)),
      ),
    }
  }
  if (roll < 0.78) {
    const ordered = random() < 0.3
    return {
      type: 'list',
      ordered,
      start: ordered ? randomInt(random, 1, 12) : null,
      spread: false,
      children: Array.from({ length: randomInt(random, 1, 3) }, (): ListItem => ({
        type: 'listItem',
        spread: false,
        children: Array.from(
          { length: randomInt(random, 1, 3) },
          () => randomBlock(random, depth + 1) as BlockContent,
        ),
      })),
    }
  }
  if (roll < 0.86) {
    return {
      type: 'code',
      lang: random() < 0.5 ? null : 'ts',
      meta: null,
      value: randomText(random, true),
    }
  }
  if (roll < 0.9) return { type: 'thematicBreak' }
  const cells = randomInt(random, 1, 4)
  const row = () => ({
    type: 'tableRow' as const,
    children: Array.from({ length: cells }, () => ({
      type: 'tableCell' as const,
      children: [text(randomText(random, false))],
    })),
  })
  return {
    type: 'table',
    align: Array.from(
      { length: cells },
      () => (['left', 'right', 'center', null] as const)[randomInt(random, 0, 3)] ?? null,
    ),
    children: [row(), row(), row()],
  }
}

describe('writeMarkdown', () => {
  it('writes the export’s node kinds so that a Markdown parser reads back the same tree', () => {
    const random = mulberry32(20261129)
    let direct = 0
    for (let round = 0; round < 250; round++) {
      const tree = root(
        ...Array.from({ length: randomInt(random, 1, 5) }, () => randomBlock(random, 0)),
      )
      const written = writeMarkdownDirectly(tree)
      if (written !== null) {
        direct += 1
        expect(meaning(parse(written)), written).toEqual(meaning(tree))
      }
      const always = writeMarkdown(tree)
      if (written !== null) expect(always).toBe(written)
    }
    // Most trees, hostile characters and all, need no help from mdast-util-to-markdown.
    expect(direct).toBeGreaterThan(40)
  })

  it('keeps text that looks like Markdown as text, at the start of a line and inside it', () => {
    const hostile =
      '# not a heading\n> not a quote\n- not an item\n1. not ordered\n   indented\nend  '
    const tree = root(paragraph(text(hostile)))
    expect(meaning(parse(writeMarkdownDirectly(tree) ?? ''))).toEqual(meaning(tree))
  })

  it('hands emphasis that could not form to mdast-util-to-markdown, and stays right', () => {
    // Whitespace just inside a run of "*": written directly it would not be emphasis.
    const tree = root(paragraph(text('a'), { type: 'strong', children: [text(' b ')] }))
    expect(writeMarkdownDirectly(tree)).toBeNull()
    expect(meaning(parse(writeMarkdown(tree)))).toEqual(meaning(tree))
  })

  it('writes a paragraph of thousands of lines directly, each line kept', () => {
    // A comment too costly to format is exported as its lines (comment-text-tree.ts): up to
    // 50,000 of them. Writing it took seconds while each piece made the text so far be copied.
    const lines = Array.from({ length: 20_000 }, (_, n) => `- سطر ${n}!`)
    const children = lines.flatMap((line, n): PhrasingContent[] =>
      n === 0 ? [text(line)] : [{ type: 'break' }, text(line)],
    )
    const written = writeMarkdownDirectly(root(paragraph(...children)))
    expect(written?.split('\\\n')).toEqual(lines.map((line) => line.replace(/^-/u, '\\-')))
  })

  it('keeps adjacent lists apart with the other marker', () => {
    const item = (value: string): ListItem => ({
      type: 'listItem',
      spread: false,
      children: [paragraph(text(value))],
    })
    const list = (value: string): RootContent => ({
      type: 'list',
      ordered: false,
      spread: false,
      children: [item(value)],
    })
    const tree = root(list('a'), list('b'))
    expect(writeMarkdownDirectly(tree)).toBe('- a\n\n* b')
    expect(parse(writeMarkdown(tree)).children).toHaveLength(2)
  })
})
