import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import type { ArticleDoc, ArticleMeta, PMMark, PMNode } from './article-doc'
import { articleToMarkdown, escapeInlineText, yamlString } from './to-markdown'

type MdNode = ReturnType<typeof fromMarkdown>['children'][number]

const meta: ArticleMeta = {
  title: 'الدبلوماسية الدفاعية وتأثيرها في الامن الوطني العراقي',
  titleEn: 'Defensive diplomacy and its impact on Iraqi national security',
  authors: ['أ.م.د. انتظار رشيد زوير', 'م.د. حنان فالح حسن'],
  authorsEn: [],
  emails: [],
  sourceUrl: 'https://political-encyclopedia.org/library/6722',
  retrieved: '2026/06/09 11:22 +03',
  keywords: ['الدفاعية', 'الدبلوماسية'],
  keywordsEn: [],
  language: 'ar',
  publisherNotice: [],
}

const text = (value: string, ...marks: PMMark[]): PMNode =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const paragraph = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content })
const heading = (level: number, value: string): PMNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
})
const item = (value: string): PMNode => ({ type: 'listItem', content: [paragraph(text(value))] })
const bold: PMMark = { type: 'bold' }
const italic: PMMark = { type: 'italic' }
const code: PMMark = { type: 'code' }
const link = (href: string): PMMark => ({ type: 'link', attrs: { href } })

function articleOf(...blocks: PMNode[]): ArticleDoc {
  return { meta, content: { type: 'doc', content: blocks } }
}

/** The Markdown body (front matter dropped), parsed back as GitHub would. */
function parseBody(markdown: string): MdNode[] {
  const body = markdown.replace(/^---\n[^]*?\n---\n/, '')
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }).children
}

function textOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return ''
  if ('value' in node && typeof node.value === 'string') return node.value
  return 'children' in node && Array.isArray(node.children)
    ? node.children.map(textOf).join('')
    : ''
}

/** The parsed structure without positions, for comparing shapes. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape)
  if (typeof node !== 'object' || node === null) return node
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'position')
      .map(([key, value]) => [key, shape(value)]),
  )
}

describe('articleToMarkdown', () => {
  it('writes YAML front matter whose values are quoted, escaped strings', () => {
    const markdown = articleToMarkdown(articleOf(paragraph(text('نص'))))
    const frontMatter = markdown.split('\n---\n')[0] ?? ''
    const lines = frontMatter.split('\n').slice(1)
    expect(lines.map((line) => line.slice(0, line.indexOf(':')))).toEqual([
      'title',
      'title_en',
      'authors',
      'source',
      'retrieved',
      'keywords',
    ])
    // JSON is YAML: every value reads back exactly, whatever it contains.
    const values = Object.fromEntries(
      lines.map((line) => [
        line.slice(0, line.indexOf(':')),
        JSON.parse(line.slice(line.indexOf(':') + 1)),
      ]),
    )
    expect(values).toEqual({
      title: meta.title,
      title_en: meta.titleEn,
      authors: meta.authors,
      source: meta.sourceUrl,
      retrieved: meta.retrieved,
      keywords: meta.keywords,
    })
  })

  it('escapes quotes, backslashes, newlines and the characters YAML forbids raw', () => {
    expect(yamlString('a "b" \\ c\nd: #e')).toBe('"a \\"b\\" \\\\ c\\nd: #e"')
    expect(yamlString('x\u2028y\u0085z\u007f')).toBe('"x\\u2028y\\u0085z\\u007f"')
    expect(JSON.parse(yamlString('x\u2028y\u007f'))).toBe('x\u2028y\u007f')
  })

  it('writes headings, paragraphs, quotes and the folded publisher notice', () => {
    const markdown = articleToMarkdown(
      articleOf(
        { type: 'frontMatter', content: [paragraph(text('المجلة السياسية والدولية'))] },
        heading(1, 'الدبلوماسية الدفاعية'),
        heading(2, 'المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها'),
        paragraph(text('تعد الدبلوماسية الدفاعية أنشطة غير عنفيه.')),
        { type: 'blockquote', content: [paragraph(text('اقتباس'))] },
      ),
    )
    expect(markdown).toContain(
      "<details>\n<summary>Publisher's notice</summary>\n\nالمجلة السياسية والدولية\n\n</details>",
    )
    expect(markdown).toContain('\n## المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها\n')
    expect(shape(parseBody(markdown).map((node) => node.type))).toEqual([
      'html',
      'paragraph',
      'html',
      'heading',
      'heading',
      'paragraph',
      'blockquote',
    ])
  })

  it('keeps Arabic-Indic digits, diacritics and mixed Latin citations byte for byte', () => {
    const value = 'في ١٣ حزيران ٢٠٢٢م، قال: «الأَمْنُ» (Roddis and Alexander 2020، 3-4).'
    const markdown = articleToMarkdown(articleOf(paragraph(text(value))))
    expect(markdown.endsWith(`\n\n${value}\n`)).toBe(true)
  })

  it.each([
    '# not a heading',
    '> not a quote',
    '*not emphasis*',
    '**not strong**',
    '_not emphasis_',
    '`not code`',
    '```',
    'a | b | c',
    '- not a list',
    '+ not a list',
    '1. not a list',
    '3) not a list',
    '===',
    '---',
    '***',
    '    not code',
    '[not a link](https://example.com)',
    '![not an image](x.png)',
    '<b>not html</b>',
    '<https://example.com>',
    '~~not struck~~',
    '$not math$',
    '&amp; stays as typed',
    'back\\slash \\*',
    'trailing hashes ##',
    'snake_case and hanan_faleh@uomustansiriyah.edu.iq',
    'a URL https://example.com/~u/*x*/a_b#c?d=$1|2, then more',
  ])('keeps %j a plain paragraph', (value) => {
    const nodes = parseBody(articleToMarkdown(articleOf(paragraph(text(value)))))
    expect(nodes.map((node) => node.type)).toEqual(['paragraph'])
    const [p] = nodes
    const children = p?.type === 'paragraph' ? p.children : []
    expect(children.map(textOf).join('')).toBe(value.trimStart())
    // GFM links bare URLs and e-mail addresses by itself; nothing else may appear.
    for (const child of children) {
      if (child.type === 'link') expect(child.url.replace(/^mailto:/, '')).toBe(textOf(child))
      else expect(child.type).toBe('text')
    }
  })

  it('keeps text that looks like Markdown plain inside headings and list items too', () => {
    const markdown = articleToMarkdown(
      articleOf(heading(2, '# x *y* `z` |'), {
        type: 'bulletList',
        content: [item('> q'), item('1. n'), item('- d')],
      }),
    )
    const [h, list] = parseBody(markdown)
    expect(shape(h)).toEqual({
      type: 'heading',
      depth: 2,
      children: [{ type: 'text', value: '# x *y* `z` |' }],
    })
    expect(list?.type).toBe('list')
    const itemTexts =
      list?.type === 'list' ? list.children.map((listItem) => shape(listItem.children)) : []
    expect(itemTexts).toEqual(
      ['> q', '1. n', '- d'].map((value) => [
        { type: 'paragraph', children: [{ type: 'text', value }] },
      ]),
    )
  })

  it('writes a numbered list whose items carry their own labels as bullet items, labels kept', () => {
    const markdown = articleToMarkdown(
      articleOf({
        type: 'orderedList',
        attrs: { start: 1 },
        content: [item('١-تمثيل والدفاع عن المصالح'), item('٢- تمثيل السلطات العسكرية')],
      }),
    )
    expect(markdown).toContain('\n- ١-تمثيل والدفاع عن المصالح\n- ٢- تمثيل السلطات العسكرية\n')
  })

  it('numbers an ordered list without labels from its start', () => {
    const markdown = articleToMarkdown(
      articleOf({ type: 'orderedList', attrs: { start: 3 }, content: [item('a'), item('b')] }),
    )
    expect(markdown).toContain('\n3. a\n4. b\n')
    const [list] = parseBody(markdown)
    expect(list?.type === 'list' && list.ordered && list.start).toBe(3)
  })

  it('separates the items of a list whose items hold several paragraphs', () => {
    const markdown = articleToMarkdown(
      articleOf({
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph(text('a')), paragraph(text('a2'))] },
          item('b'),
        ],
      }),
    )
    expect(markdown).toContain('\n- a\n\n  a2\n\n- b\n')
  })

  it('writes bold, italic, code and links that parse back to the same marks', () => {
    const markdown = articleToMarkdown(
      articleOf(
        paragraph(
          text('see '),
          text('JOURNAL ', italic),
          text('of ', bold),
          text('x', bold, italic),
          text(' and '),
          text('a`b', code),
          text(' at '),
          text('the site', link('https://example.com/a_(b)')),
          text(' or '),
          text('https://aawsat.com', link('https://aawsat.com')),
        ),
      ),
    )
    const [p] = parseBody(markdown)
    expect(shape(p)).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'see ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'JOURNAL' }] },
        { type: 'text', value: ' ' },
        {
          type: 'strong',
          children: [
            { type: 'text', value: 'of ' },
            { type: 'emphasis', children: [{ type: 'text', value: 'x' }] },
          ],
        },
        { type: 'text', value: ' and ' },
        { type: 'inlineCode', value: 'a`b' },
        { type: 'text', value: ' at ' },
        {
          type: 'link',
          url: 'https://example.com/a_(b)',
          title: null,
          children: [{ type: 'text', value: 'the site' }],
        },
        { type: 'text', value: ' or ' },
        {
          type: 'link',
          url: 'https://aawsat.com',
          title: null,
          children: [{ type: 'text', value: 'https://aawsat.com' }],
        },
      ],
    })
  })

  it('falls back to HTML where star delimiters would not parse', () => {
    // Stars between a letter and punctuation cannot open emphasis in CommonMark.
    const markdown = articleToMarkdown(
      articleOf(paragraph(text('a'), text('(b)', bold), text('c'))),
    )
    expect(markdown).toContain('\na<strong>(b)</strong>c\n')
  })

  it('keeps adjacent differently marked runs apart', () => {
    const [p] = parseBody(
      articleToMarkdown(articleOf(paragraph(text('a', bold), text('b', italic), text('c', bold)))),
    )
    const marks = p?.type === 'paragraph' ? p.children.map((child) => child.type) : []
    expect(marks.filter((type) => type === 'strong' || type === 'emphasis')).toHaveLength(3)
  })

  it('drops links a rendered file should not follow, keeping their text', () => {
    const markdown = articleToMarkdown(
      articleOf(paragraph(text('click', link('javascript:alert(1)')))),
    )
    expect(markdown.endsWith('\n\nclick\n')).toBe(true)
  })

  it('does not turn text before a link into an image', () => {
    const [p] = parseBody(
      articleToMarkdown(articleOf(paragraph(text('wow!'), text('x', link('https://e.com'))))),
    )
    expect(p?.type === 'paragraph' && p.children.map((child) => child.type)).toEqual([
      'text',
      'link',
    ])
  })

  it('writes hard breaks and newlines in text as line breaks, escaping each line', () => {
    const [p] = parseBody(
      articleToMarkdown(
        articleOf(paragraph(text('one'), { type: 'hardBreak' }, text('- two\n# three'))),
      ),
    )
    expect(shape(p)).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'one' },
        { type: 'break' },
        { type: 'text', value: '- two' },
        { type: 'break' },
        { type: 'text', value: '# three' },
      ],
    })
  })

  it('escapes only what could start syntax, leaving ordinary punctuation readable', () => {
    expect(escapeInlineText('Al-Ammar, 2015. (5) 50% a_b')).toBe('Al-Ammar, 2015. (5) 50% a_b')
  })
})
