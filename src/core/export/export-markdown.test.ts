import { readFileSync } from 'node:fs'
import type { Heading, List, ListItem, Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../annotations/annotation-test-support'
import type { Annotation } from '../annotations/annotation'
import type { PMNode } from '../article/article-doc'
import { importArticle } from '../article/import-article'
import type { ExportInput, MarkdownExportOptions } from './export-input'
import { exportMarkdown } from './export-markdown'
import { annotationMaker, nodesOf, parseExport, structureOf, textOf } from './export-test-support'

const article = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
)
const make = annotationMaker(article)

const HANAN = { author: 'hanan', authorName: 'Hanan' }
const OMAR = { author: 'omar', authorName: 'Omar' }
const INTISAR = { author: 'intisar', authorName: 'Intisar' }
const roles = { intisar: 'instructor' } as const

const ATTACHE = 'يعد الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية'
const TWO_ITEMS =
  '١-تمثيل والدفاع عن المصالح العسكرية والأمنية لبلاده.\n\n' +
  '٢-تمثيل السلطات العسكرية وإقامة اتصالات مع تلك الموجودة في البلد المضيف.'
const IMPORTANCE = 'تتبع اهمية الدراسة من كون تسليط الضوء على الدبلوماسية الدفاعية'
const ABSTRACT_EN = 'Defense diplomacy is non-violent activities'
const JOURNAL = 'المجلة السياسية والدولية'

const comment = make.on(ATTACHE, {
  id: 'c-attache',
  ...HANAN,
  body: 'the comment, as written',
  tags: ['definition'],
  createdAt: '2026-11-28T14:03:00.000Z',
})
const reply = make.reply('c-attache', {
  id: 'r-attache',
  ...INTISAR,
  body: 'a reply',
  createdAt: '2026-11-28T15:00:00.000Z',
})
const studentReply = make.reply('c-attache', {
  id: 'r-attache-omar',
  ...OMAR,
  body: 'ويرى عمر غير ذلك',
  createdAt: '2026-11-29T09:00:00.000Z',
})
const twoParagraphs = make.on(TWO_ITEMS, {
  id: 'c-items',
  ...OMAR,
  body: '**bold** and `code`',
  createdAt: '2026-11-27T10:00:00.000Z',
})
const importance = make.on(IMPORTANCE, {
  id: 'c-importance',
  ...OMAR,
  body: 'مهم',
  tags: ['important', 'question'],
  createdAt: '2026-11-29T11:00:00.000Z',
})
const highlight = make.on(ABSTRACT_EN, {
  id: 'h-abstract',
  ...HANAN,
  createdAt: '2026-11-26T08:00:00.000Z',
})
const resolved = make.on('تنطلق الدراسة من اشكالية رئيسة', {
  id: 'c-resolved',
  ...OMAR,
  body: 'done',
  resolved: true,
  createdAt: '2026-11-28T16:00:00.000Z',
})
const beforeHeadings = make.on(JOURNAL, {
  id: 'c-journal',
  ...HANAN,
  body: 'the journal',
  createdAt: '2026-11-28T17:00:00.000Z',
})
const orphan = make.reply('gone', {
  id: 'r-orphan',
  ...HANAN,
  body: 'a reply to a deleted comment',
  createdAt: '2026-11-28T18:00:00.000Z',
})

const everything: Annotation[] = [
  orphan,
  highlight,
  studentReply,
  comment,
  resolved,
  reply,
  twoParagraphs,
  beforeHeadings,
  importance,
]

function input(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    article,
    annotations: everything,
    me: 'hanan',
    seminar: { id: 'iraq-2026', title: 'Seminar: "security" & diplomacy' },
    roles,
    exportedAt: new Date('2026-11-30T12:00:00.000Z'),
    exporterVersion: '0.1.0',
    ...overrides,
  }
}

const seminarNotes: MarkdownExportOptions = {
  shape: 'seminar-notes',
  groupBy: 'section',
  includeHighlights: false,
  includeResolved: false,
  includeNotebook: false,
}

function headingTexts(tree: Root, minDepth = 2): string[] {
  return nodesOf(tree, 'heading')
    .filter((heading) => heading.depth >= minDepth)
    .map((heading) => `${'#'.repeat(heading.depth)} ${textOf(heading)}`)
}

/** The top-level list items (one per thread) and the items nested in them (its replies). */
function threadItems(tree: Root): { root: ListItem; replies: ListItem[] }[] {
  return tree.children
    .filter((node): node is List => node.type === 'list')
    .flatMap((list) => list.children)
    .map((root) => ({
      root,
      replies: root.children
        .filter((node): node is List => node.type === 'list')
        .flatMap((list) => list.children),
    }))
}

describe('exportMarkdown: the seminar notes', () => {
  const markdown = exportMarkdown(input(), seminarNotes)
  const { frontMatter, tree } = parseExport(markdown)

  it('writes front matter a YAML parser reads back', () => {
    expect(frontMatter).toEqual({
      title: article.meta.title,
      title_en: article.meta.titleEn,
      authors: article.meta.authors,
      source: 'https://political-encyclopedia.org/library/6722',
      article_hash: make.articleHash,
      seminar: 'Seminar: "security" & diplomacy',
      seminar_id: 'iraq-2026',
      notes: 'seminar-notes',
      exported: '2026-11-30T12:00:00.000Z',
      exporter: 'hamish 0.1.0',
    })
  })

  it('puts one heading per section with annotations, in article order, under its level-1 section', () => {
    expect(headingTexts(tree)).toEqual([
      '## Before the first heading',
      '## اهمية البحث:',
      '## المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها',
      '### المطلب الثاني: مجالات واهداف الدبلوماسية الدفاعية',
      '## Replies to annotations no longer available',
    ])
    expect(headingTexts(tree, 1)[0]).toBe(`# ${article.meta.title}`)
  })

  it('quotes each passage exactly, a passage across blocks as several paragraphs', () => {
    const quotes = nodesOf(tree, 'blockquote')
    expect(quotes.map(textOf)).toEqual([JOURNAL, IMPORTANCE, ATTACHE, TWO_ITEMS])
    expect(quotes[3]?.children).toHaveLength(2)
  })

  it('writes one list item per comment, with its replies nested under it', () => {
    const threads = threadItems(tree)
    expect(threads.map((thread) => thread.replies.length)).toEqual([0, 0, 2, 0, 0])
    const attache = threads[2]!
    expect(textOf(attache.root.children[0]!)).toBe(
      'Hanan · 2026-11-28 · #definition — the comment, as written',
    )
    expect(attache.replies.map((item) => textOf(item.children[0]!))).toEqual([
      'Intisar · 2026-11-28 — a reply',
      'Omar · 2026-11-29 — ويرى عمر غير ذلك',
    ])
    // The orphaned reply is kept, under its own heading, not dropped.
    expect(textOf(threads[4]!.root)).toContain('a reply to a deleted comment')
  })

  it('keeps a comment’s own emphasis and code', () => {
    const items = threadItems(tree)[3]!.root
    expect(nodesOf(items, 'strong').map(textOf)).toEqual(['Omar', 'bold'])
    expect(nodesOf(items, 'inlineCode').map(textOf)).toEqual(['code'])
  })

  it('leaves out bare highlights and resolved threads unless asked', () => {
    expect(markdown).not.toContain(ABSTRACT_EN)
    expect(markdown).not.toContain('done')
    const all = parseExport(
      exportMarkdown(input(), { ...seminarNotes, includeHighlights: true, includeResolved: true }),
    ).tree
    expect(nodesOf(all, 'blockquote').map(textOf)).toEqual([
      JOURNAL,
      ABSTRACT_EN,
      IMPORTANCE,
      'تنطلق الدراسة من اشكالية رئيسة',
      ATTACHE,
      TWO_ITEMS,
    ])
    expect(headingTexts(all)).toContain(
      '## Defensive diplomacy and its impact on Iraqi national security',
    )
    expect(headingTexts(all)).toContain('### Abstract:')
    const texts = threadItems(all).map((thread) => textOf(thread.root.children[0]!))
    expect(texts).toContain('Hanan · 2026-11-26 · Highlight')
    expect(texts).toContain('Omar · 2026-11-28 · resolved — done')
  })
})

describe('exportMarkdown: hostile comments', () => {
  const HOSTILE = [
    '# A heading',
    '',
    '> a quote',
    '',
    '| a | b |',
    '| --- | --- |',
    '| 1 | 2 |',
    '',
    '- a list item',
    '',
    '***',
    '',
    '<script>alert(1)</script>',
    '',
    'text with <img src=x onerror=alert(1)> and [x](javascript:alert(1)) and ![i](javascript:alert(2))',
    '',
    '[ref]: javascript:alert(3)',
    '',
    'a [ref] and `` ` `` and #tag | pipe',
    '',
    '```',
    '# not a heading',
    '```',
  ].join('\n')

  const withBody = (body: string): Root => {
    const annotations = everything.map((annotation) =>
      annotation.id === 'c-attache' || annotation.id === 'r-attache'
        ? { ...annotation, body }
        : annotation,
    )
    const parsed = parseExport(exportMarkdown(input({ annotations }), seminarNotes))
    return parsed.tree
  }

  it('cannot add headings, quotes, list items, tables or HTML to the document', () => {
    const plain = withBody('plain words')
    const hostile = withBody(HOSTILE)
    expect(structureOf(hostile)).toEqual(structureOf(plain))
    expect(nodesOf(hostile, 'html')).toEqual([])
    expect(headingTexts(hostile)).toEqual(headingTexts(plain))
  })

  it('leaves no link that runs script, and shows what was typed as text', () => {
    const hostile = withBody(HOSTILE)
    const urls = [...nodesOf(hostile, 'link'), ...nodesOf(hostile, 'image')].map((n) => n.url)
    expect(urls.filter((url) => !/^(?:https?|mailto):/iu.test(url))).toEqual([])
    const item = textOf(hostile)
    expect(item).toContain('# A heading')
    expect(item).toContain('<script>alert(1)</script>')
    expect(item).toContain('| a | b |')
    // The code block stays a code block (in the comment and in the reply), its "#" inside it.
    expect(nodesOf(hostile, 'code').map((code) => code.value)).toEqual([
      '# not a heading',
      '# not a heading',
    ])
  })

  it('keeps safe links', () => {
    const tree = withBody('see [the source](https://example.org/a_(b)) now')
    expect(nodesOf(tree, 'link').map((link) => link.url)).toEqual([
      'https://example.org/a_(b)',
      'https://example.org/a_(b)',
    ])
  })

  it('keeps names and tags with Markdown characters as text', () => {
    const annotations = [
      { ...comment, authorName: '*Ha|nan* <b>', tags: ['x]y', '# h'] },
      { ...reply, authorName: '> Intisar' },
    ]
    const tree = parseExport(exportMarkdown(input({ annotations }), seminarNotes)).tree
    const [thread] = threadItems(tree)
    expect(textOf(thread!.root.children[0]!)).toBe(
      '*Ha|nan* <b> · 2026-11-28 · #x]y ## h — the comment, as written',
    )
    expect(textOf(thread!.replies[0]!.children[0]!)).toBe('> Intisar · 2026-11-28 — a reply')
    expect(nodesOf(tree, 'blockquote')).toHaveLength(1)
  })
})

describe('exportMarkdown: passages and bodies of any characters (seeded)', () => {
  const ALPHABET = [...'#>*_`[]()!|\\<>&;-+=.:~ \nابتثجحخ٠١٢abcXYZ0123😀\u200f\u064e']
  const random = mulberry32(20261128)
  const pick = (length: number): string =>
    Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('')

  it('reads every quote back byte for byte and every comment as one list item', () => {
    for (let round = 0; round < 40; round++) {
      // A paragraph of random text, annotated whole: the quote is the paragraph's text.
      const words = pick(12 + Math.floor(random() * 30))
        .replace(/\n{2,}/gu, '\n')
        .replace(/^\s+|\s+$/gu, '')
      const paragraphText = `x${words}x`
      const content: PMNode = {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Section' }] },
          {
            type: 'paragraph',
            content: paragraphText.split('\n').flatMap((line, index): PMNode[] => {
              const text: PMNode[] = line === '' ? [] : [{ type: 'text', text: line }]
              return index === 0 ? text : [{ type: 'hardBreak' }, ...text]
            }),
          },
        ],
      }
      const randomArticle = { meta: article.meta, content }
      const maker = annotationMaker(randomArticle)
      const annotations = [
        maker.on(paragraphText, { id: 'a', ...HANAN, body: pick(40) || 'x' }),
        maker.reply('a', { id: 'b', ...OMAR, body: pick(40) || 'y' }),
      ]
      const markdown = exportMarkdown(input({ article: randomArticle, annotations }), seminarNotes)
      const { tree } = parseExport(markdown)
      expect(nodesOf(tree, 'blockquote').map(textOf), markdown).toEqual([paragraphText])
      expect(nodesOf(tree, 'listItem'), markdown).toHaveLength(2)
      expect(
        nodesOf(tree, 'heading').map((h: Heading) => h.depth),
        markdown,
      ).toEqual([1, 2])
      expect(nodesOf(tree, 'html'), markdown).toEqual([])
    }
  })
})

describe('exportMarkdown: groupings', () => {
  it('groups by author, each with the sections they wrote in', () => {
    const { tree } = parseExport(exportMarkdown(input(), { ...seminarNotes, groupBy: 'author' }))
    expect(headingTexts(tree)).toEqual([
      '## Hanan',
      '### Before the first heading',
      '### المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها',
      '#### المطلب الثاني: مجالات واهداف الدبلوماسية الدفاعية',
      '## Omar',
      '### اهمية البحث:',
      '### المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها',
      '#### المطلب الثاني: مجالات واهداف الدبلوماسية الدفاعية',
      '## Replies to annotations no longer available',
    ])
  })

  it('groups by the day a thread began, oldest first', () => {
    const { tree } = parseExport(exportMarkdown(input(), { ...seminarNotes, groupBy: 'date' }))
    const days = nodesOf(tree, 'heading')
      .filter((heading) => heading.depth === 2)
      .map(textOf)
    expect(days).toEqual([
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      'Replies to annotations no longer available',
    ])
    // 28 November: the attaché comment (14:03) comes before the journal one (17:00).
    expect(nodesOf(tree, 'blockquote').map(textOf)).toEqual([
      TWO_ITEMS,
      ATTACHE,
      JOURNAL,
      IMPORTANCE,
    ])
  })
})

describe('exportMarkdown: my notes', () => {
  it('holds the threads I wrote or replied in, and my orphaned replies', () => {
    const { tree } = parseExport(
      exportMarkdown(input({ me: 'omar' }), { ...seminarNotes, shape: 'my-notes' }),
    )
    expect(nodesOf(tree, 'blockquote').map(textOf)).toEqual([IMPORTANCE, ATTACHE, TWO_ITEMS])
    expect(textOf(tree)).not.toContain('a reply to a deleted comment')
  })

  it('adds the notebook, its headings below the notebook’s own', () => {
    const notebook: PMNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'My plan' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '# not a heading' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' and ' },
            {
              type: 'text',
              text: 'a link',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
          ],
        },
        {
          type: 'annotationQuote',
          attrs: { annotationId: 'c-attache' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: ATTACHE }] }],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'point' }] }],
            },
          ],
        },
      ],
    }
    const options = { ...seminarNotes, shape: 'my-notes' as const, includeNotebook: true }
    const { tree } = parseExport(exportMarkdown(input({ notebook }), options))
    expect(headingTexts(tree).slice(-2)).toEqual(['## Notebook', '### My plan'])
    expect(textOf(tree)).toContain('# not a heading')
    expect(nodesOf(tree, 'strong').map(textOf)).toContain('bold')
    expect(nodesOf(tree, 'link')).toEqual([])
    expect(nodesOf(tree, 'blockquote').map(textOf).at(-1)).toBe(ATTACHE)

    const without = parseExport(
      exportMarkdown(input({ notebook }), { ...options, includeNotebook: false }),
    )
    expect(headingTexts(without.tree)).not.toContain('## Notebook')
  })
})

describe('exportMarkdown: anonymity', () => {
  it('names other students "Student n", keeps instructors and me', () => {
    const markdown = exportMarkdown(input({ anonymizeFor: 'students', me: 'hanan' }), {
      ...seminarNotes,
      groupBy: 'author',
    })
    expect(markdown).not.toContain('Omar')
    expect(markdown).toContain('Student 1')
    expect(markdown).toContain('Intisar')
    expect(markdown).toContain('Hanan')
  })

  it('numbers students by when they first wrote, the same number everywhere', () => {
    const late = make.on(ABSTRACT_EN, {
      id: 'c-late',
      author: 'zaid',
      authorName: 'Zaid',
      body: 'late',
      createdAt: '2026-12-01T00:00:00.000Z',
    })
    const markdown = exportMarkdown(
      input({ annotations: [...everything, late], anonymizeFor: 'students', me: 'intisar' }),
      { ...seminarNotes, groupBy: 'author' },
    )
    const { tree } = parseExport(markdown)
    // Hanan's first annotation (26 Nov) is older than Omar's (27 Nov); Zaid came last.
    expect(
      nodesOf(tree, 'heading')
        .filter((h) => h.depth === 2)
        .map(textOf),
    ).toEqual(['Student 1', 'Student 2', 'Student 3', 'Replies to annotations no longer available'])
    expect(markdown).not.toMatch(/Hanan|Omar|Zaid/u)
  })
})

describe('exportMarkdown: the instructor’s collection', () => {
  const options: MarkdownExportOptions = { ...seminarNotes, shape: 'instructor-collection' }
  const markdown = exportMarkdown(input({ me: 'intisar' }), options)
  const { tree } = parseExport(markdown)

  it('opens with a summary table of every student', () => {
    const [table] = nodesOf(tree, 'table')
    const rows = table!.children.map((row) => row.children.map(textOf))
    expect(rows).toEqual([
      [
        'Student',
        'Highlights',
        'Comments',
        'Replies',
        'Words',
        'Sections touched',
        'First activity',
        'Last activity',
      ],
      // Hanan: 4 + 2 + 6 words; the journal's front page, the abstract, the second requirement
      // (her orphaned reply has no passage). Omar: 3 + 1 + 1 + 4 words; three sections.
      ['Hanan', '1', '2', '1', '12', '3', '2026-11-26 08:00 UTC', '2026-11-28 18:00 UTC'],
      ['Omar', '0', '3', '1', '9', '3', '2026-11-27 10:00 UTC', '2026-11-29 11:00 UTC'],
    ])
  })

  it('lists each student’s comments with passage, section, visibility, tags and time', () => {
    expect(headingTexts(tree)).toEqual([
      '## Summary',
      '## Hanan',
      '### Before the first heading',
      '### المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها',
      '#### المطلب الثاني: مجالات واهداف الدبلوماسية الدفاعية',
      '### Replies to annotations no longer available',
      '## Omar',
      '### اهمية البحث:',
      '### المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها',
      '#### المطلب الثاني: مجالات واهداف الدبلوماسية الدفاعية',
    ])
    const omar = tree.children.slice(
      tree.children.findIndex((node) => node.type === 'heading' && textOf(node) === 'Omar'),
    )
    const items = nodesOf({ type: 'root', children: omar }, 'listItem').map(textOf)
    expect(items).toEqual([
      'Comment · class · 2026-11-29 11:00 UTC · #important #question — مهم',
      'reply to Hanan · class · 2026-11-29 09:00 UTC — ويرى عمر غير ذلك',
      'Comment · class · 2026-11-27 10:00 UTC — bold and code',
    ])
    expect(nodesOf({ type: 'root', children: omar }, 'blockquote').map(textOf)).toEqual([
      IMPORTANCE,
      ATTACHE,
      TWO_ITEMS,
    ])
  })

  it('keeps a name with a pipe in its table cell', () => {
    const annotations = everything.map((a) =>
      a.author === 'omar' ? { ...a, authorName: 'Omar | Ali' } : a,
    )
    const { tree } = parseExport(exportMarkdown(input({ annotations }), options))
    const [table] = nodesOf(tree, 'table')
    expect(table!.children.map((row) => row.children.length)).toEqual([8, 8, 8])
    expect(textOf(table!.children[2]!.children[0]!)).toBe('Omar | Ali')
  })
})
