import type { Nodes, Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../annotations/annotation'
import type { ArticleDoc, PMNode } from '../article/article-doc'
import { fromW3C } from '../w3c/from-w3c'
import type { ExportInput, MarkdownExportOptions, MarkdownShape } from './export-input'
import { exportMarkdown } from './export-markdown'
import { annotationMaker, nodesOf, parseExport, textOf } from './export-test-support'

/*
 * Script in the export: names, tags, comment bodies, passages, titles and imported annotations
 * carrying HTML, `javascript:` links, SVG and iframes, and Markdown link tricks, exported in
 * every shape and grouping and read back by a CommonMark + GFM parser (as GitHub and Obsidian
 * read it). Whatever they hold, the document has no raw HTML, no link or image whose target is
 * not http(s) or mailto, and no link definition; and what was typed is still there as text.
 */

/** Payloads that are markup: each must come back as the very text typed. */
const MARKUP = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3"><circle/></svg>',
  '<iframe src="javascript:window.__pwned=4"></iframe>',
  '<a href="javascript:window.__pwned=5">a</a>',
  '<details open ontoggle="window.__pwned=6">',
  '<!-- a comment --> <![CDATA[ x ]]> <?php ?>',
]

/**
 * Payloads that are Markdown tricks: the target must go, whatever the text keeps. (Entities are
 * Markdown too: `&lt;` reads as "<", in the app as in the export, and must stay text.)
 */
const LINK_TRICKS = [
  '&lt;script&gt;window.__pwned=27&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;',
  '[a](javascript:window.__pwned=7)',
  '[b](JaVaScRiPt:window.__pwned=8)',
  '[c](  javascript:window.__pwned=9  )',
  '[d](<javascript:window.__pwned=10>)',
  '[e](java&#115;cript:window.__pwned=11)',
  '[f](&#106;avascript:window.__pwned=12)',
  '[g](javascript&colon;window.__pwned=13)',
  '[h](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xNDwvc2NyaXB0Pg==)',
  '[i](vbscript:msgbox)',
  '[j](java\tscript:window.__pwned=15)',
  '<javascript:window.__pwned=16>',
  '![k](javascript:window.__pwned=17)',
  '[l][ref]\n\n[ref]: javascript:window.__pwned=18',
  '[m](https://example.org "title\\" onmouseover=\\"window.__pwned=19")',
  '[n](%6Aavascript:window.__pwned=20)',
  '[o](file:///etc/passwd)',
  '](javascript:window.__pwned=21)',
]

const BODY = [...MARKUP, ...LINK_TRICKS].join('\n\n')
const NAME = '<img src=x onerror="window.__pwned=22">](javascript:alert(1)) *Evil*'
const TAGS = ['<script>x</script>', '](javascript:alert(1))', '<svg/onload=alert(1)>']
const TITLE = '<script>window.__pwned=23</script> # [t](javascript:alert(1))'

/** An article whose own text and title are payloads: passages are quoted in the export. */
function hostileArticle(): ArticleDoc {
  const paragraph = (text: string): PMNode => ({
    type: 'paragraph',
    content: [{ type: 'text', text }],
  })
  return {
    meta: {
      title: TITLE,
      titleEn: TITLE,
      authors: ['<b>An Author</b>'],
      authorsEn: ['[x](javascript:alert(1))'],
      emails: [],
      keywords: [],
      keywordsEn: [],
      language: 'ar',
      publisherNotice: ['<script>window.__pwned=28</script>'],
    },
    content: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: TITLE }] },
        paragraph('الفقرة الأولى <img src=x onerror="window.__pwned=24"> نص'),
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: '<svg onload=alert(1)> القسم [x](javascript:alert(1))' }],
        },
        paragraph('second [passage](javascript:window.__pwned=25) <script>x</script> end'),
      ],
    },
  }
}

const article = hostileArticle()
const make = annotationMaker(article)
const STUDENT = { author: 'student-1', authorName: NAME }
const TEACHER = { author: 'teacher-1', authorName: `${NAME} (teacher)` }

function annotations(): Annotation[] {
  const first = make.on('<img src=x onerror="window.__pwned=24">', {
    id: 'c1',
    ...STUDENT,
    body: BODY,
    tags: TAGS,
  })
  const second = make.on('[passage](javascript:window.__pwned=25) <script>x</script>', {
    id: 'c2',
    ...TEACHER,
    body: LINK_TRICKS.join(' '),
    tags: TAGS,
    visibility: 'instructors',
  })
  return [
    first,
    second,
    make.reply('c1', { id: 'r1', ...TEACHER, body: BODY }),
    make.reply('gone', { id: 'r-orphan', ...STUDENT, body: MARKUP.join(' ') }),
  ]
}

function input(list: readonly Annotation[], overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    article,
    annotations: list,
    me: 'student-1',
    seminar: { id: 'seminar-x', title: TITLE },
    roles: { 'teacher-1': 'instructor' },
    exportedAt: new Date('2026-11-30T12:00:00.000Z'),
    exporterVersion: '0.1.0',
    notebook: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: BODY },
            {
              type: 'text',
              text: 'link',
              marks: [{ type: 'link', attrs: { href: 'javascript:window.__pwned=26' } }],
            },
          ],
        },
      ],
    },
    ...overrides,
  }
}

const SAFE_URL = /^(?:https?|mailto):/iu

/** Everything in a parsed export that a Markdown renderer would turn into markup or a target. */
function dangers(tree: Root): string[] {
  const found: string[] = []
  for (const html of nodesOf(tree, 'html')) found.push(`html: ${html.value}`)
  for (const node of [...nodesOf(tree, 'link'), ...nodesOf(tree, 'image')]) {
    if (!SAFE_URL.test(node.url)) found.push(`${node.type}: ${node.url}`)
  }
  for (const definition of nodesOf(tree, 'definition')) found.push(`definition: ${definition.url}`)
  return found
}

const SHAPES: MarkdownShape[] = ['my-notes', 'seminar-notes', 'instructor-collection']
const GROUPINGS: MarkdownExportOptions['groupBy'][] = ['section', 'author', 'date']

describe('exported Markdown stays inert, whatever the annotations hold', () => {
  it.each(SHAPES.flatMap((shape) => GROUPINGS.map((groupBy) => [shape, groupBy] as const)))(
    '%s grouped by %s: no HTML, no unsafe link, every payload kept as text',
    (shape, groupBy) => {
      const markdown = exportMarkdown(input(annotations()), {
        shape,
        groupBy,
        includeHighlights: true,
        includeResolved: true,
        includeNotebook: true,
      })
      const { frontMatter, tree } = parseExport(markdown)
      expect(dangers(tree), markdown).toEqual([])
      const text = textOf(tree as Nodes)
      for (const payload of MARKUP) expect(text, markdown).toContain(payload)
      for (const tag of TAGS) expect(text).toContain(`#${tag}`)
      expect(text).toContain(NAME)
      expect(text).toContain(TITLE)
      expect(frontMatter['title']).toBe(TITLE)
      expect(frontMatter['seminar']).toBe(TITLE)
    },
  )

  it('keeps the students’ names out under anonymity, and the export inert', () => {
    const markdown = exportMarkdown(input(annotations(), { anonymizeFor: 'students' }), {
      shape: 'seminar-notes',
      groupBy: 'author',
      includeHighlights: true,
      includeResolved: true,
      includeNotebook: false,
    })
    expect(dangers(parseExport(markdown).tree)).toEqual([])
  })
})

describe('imported annotations stay inert in the export', () => {
  const exact = '<img src=x onerror="window.__pwned=24">'
  const start = make.text.indexOf(exact)

  const w3c = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: 'javascript:window.__pwned=30',
          type: 'Annotation',
          motivation: 'commenting',
          creator: { id: 'javascript:alert(1)', type: 'Person', name: NAME },
          created: '2026-11-28T14:03:00Z',
          body: [
            { type: 'TextualBody', value: BODY, format: 'text/html', purpose: 'commenting' },
            ...TAGS.map((value) => ({ type: 'TextualBody', value, purpose: 'tagging' })),
          ],
          target: {
            source: 'javascript:window.__pwned=31',
            selector: [
              { type: 'TextQuoteSelector', exact },
              { type: 'TextPositionSelector', start, end: start + exact.length },
            ],
          },
        },
      ],
    },
  }

  const hypothesis = {
    total: 1,
    rows: [
      {
        id: 'hyp-1',
        created: '2026-11-20T09:14:03.512394+00:00',
        updated: '2026-11-20T09:14:03.512394+00:00',
        user: 'acct:<script>x</script>@hypothes.is',
        uri: 'javascript:alert(1)',
        text: BODY,
        tags: TAGS,
        target: [
          { source: 'javascript:alert(1)', selector: [{ type: 'TextQuoteSelector', exact }] },
        ],
        user_info: { display_name: NAME },
      },
    ],
  }

  /** What the import command writes: the importing user's annotation with the file's text. */
  function asStored(file: unknown): Annotation[] {
    const result = fromW3C(JSON.stringify(file), {
      article,
      user: { id: 'student-1', name: NAME },
      now: new Date('2026-12-01T00:00:00.000Z'),
    })
    expect(result.report.invalid).toEqual([])
    return result.imported.map((item) => ({
      ...make.on(exact, {
        id: `imported-${item.id}`,
        author: 'student-1',
        authorName: item.creator.name,
        body: item.body,
        tags: [...item.tags],
      }),
    }))
  }

  it.each([
    ['W3C', w3c],
    ['Hypothesis', hypothesis],
  ])('%s: the body and tags arrive as typed, and export with nothing that runs', (_, file) => {
    const imported = asStored(file)
    expect(imported).toHaveLength(1)
    expect(imported[0]!.body).toBe(BODY)
    const markdown = exportMarkdown(input(imported), {
      shape: 'my-notes',
      groupBy: 'section',
      includeHighlights: true,
      includeResolved: true,
      includeNotebook: false,
    })
    const { tree } = parseExport(markdown)
    expect(dangers(tree), markdown).toEqual([])
    for (const payload of MARKUP) expect(textOf(tree as Nodes)).toContain(payload)
  })
})
