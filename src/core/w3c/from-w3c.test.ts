import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../annotations/annotation'
import type { ArticleDoc } from '../article/article-doc'
import { importArticle } from '../article/import-article'
import { annotationMaker } from '../export/export-test-support'
import { AnnotationImportError } from './annotation-import-error'
import { fromW3C, type ImportedAnnotation } from './from-w3c'
import { toW3C } from './to-w3c'
import { MAX_ANNOTATION_IMPORT_CHARS } from './w3c-input'

const article = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
)
const make = annotationMaker(article)
const user = { id: 'importer', name: 'The Importer' }
const now = new Date('2026-12-01T00:00:00.000Z')

const UUID = '6f1c2d3e-4a5b-4c6d-8e9f-a0b1c2d3e4f5'
const originals: Annotation[] = [
  {
    ...make.on('يعد الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية', {
      id: UUID,
      author: 'hanan',
      authorName: 'حنان',
      body: 'تعريف **مهم**\n\nsecond paragraph with `code`',
      tags: ['تعريف', 'definition'],
      createdAt: '2026-11-28T14:03:00.000Z',
      updatedAt: '2026-11-28T14:05:30.000Z',
      visibility: 'instructors',
    }),
    color: 'green',
  },
  make.reply(UUID, {
    id: 'reply-1',
    author: 'intisar',
    authorName: 'Intisar',
    body: 'Agreed.',
    tags: ['important'],
    createdAt: '2026-11-28T15:00:00.000Z',
  }),
  make.reply('reply-1', {
    id: 'reply-2',
    author: 'hanan',
    authorName: 'حنان',
    body: 'شكرا',
    createdAt: '2026-11-28T16:00:00.000Z',
    visibility: 'private',
  }),
  make.on('Defense diplomacy', {
    id: 'h/1',
    author: 'omar',
    authorName: 'Omar',
    resolved: true,
    createdAt: '2026-11-27T08:00:00.000Z',
  }),
]

function expectRoundTrip(imported: readonly ImportedAnnotation[], sources: readonly Annotation[]) {
  const byId = new Map(imported.map((annotation) => [annotation.id, annotation]))
  expect([...byId.keys()].sort()).toEqual(sources.map((source) => source.id).sort())
  for (const source of sources) {
    const back = byId.get(source.id)!
    expect(back, source.id).toEqual({
      id: source.id,
      kind: source.kind,
      body: source.body,
      tags: source.tags,
      replyTo: source.replyTo,
      selectors: source.anchor && { quote: source.anchor.quote, position: source.anchor.position },
      createdAt: source.createdAt,
      updatedAt: source.updatedAt,
      creator: { id: source.author, name: source.authorName },
      color: source.color,
      visibility: source.visibility,
      resolved: source.resolved,
      format: 'w3c',
    })
  }
}

describe('fromW3C: a Hamish export read back', () => {
  const exported = JSON.stringify(toW3C(originals, { article, exporterVersion: '0.1.0' }))
  const result = fromW3C(exported, { article, user, now })

  it('round-trips every field', () => {
    expectRoundTrip(result.imported, originals)
    expect(result.articleHash).toBe(make.articleHash)
    expect(result.report).toEqual({ anchored: 4, unanchored: [], otherArticle: [], invalid: [] })
  })

  it('lists passages in reading order, then replies after what they answer', () => {
    expect(result.imported.map((annotation) => annotation.id)).toEqual([
      'h/1',
      UUID,
      'reply-1',
      'reply-2',
    ])
  })

  it('round-trips positions past characters outside the BMP', () => {
    const emojiArticle: ArticleDoc = {
      meta: article.meta,
      content: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: '😀 x 😀 after 😀' }] }],
      },
    }
    const on = annotationMaker(emojiArticle).on('after', { id: 'e', author: 'a', authorName: 'A' })
    const back = fromW3C(JSON.stringify(toW3C([on], { article: emojiArticle })), {
      article: emojiArticle,
      user,
    })
    expectRoundTrip(back.imported, [on])
  })

  it('reads ids under a base IRI', () => {
    const baseId = 'https://notes.example.org/a/'
    const json = toW3C(originals, { article, baseId })
    expect(json.first.items[1]?.target).toBe(`${baseId}${UUID}`)
    expectRoundTrip(fromW3C(json, { article, user, baseId }).imported, originals)
  })

  it('accepts one annotation, a list, and an AnnotationPage', () => {
    const items = toW3C(originals, { article }).first.items
    expect(fromW3C(items[0], { article, user }).imported.map((a) => a.id)).toEqual([UUID])
    expect(fromW3C(items, { article, user }).imported).toHaveLength(4)
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items }
    expect(fromW3C(page, { article, user }).imported).toHaveLength(4)
  })
})

describe('fromW3C: what cannot be attached', () => {
  const items = toW3C(originals, { article }).first.items
  const root = items[0]!
  const target = root.target
  if (typeof target === 'string') throw new Error('expected a passage target')

  it('reports a quote that matches nothing, with its replies, and attaches none of them', () => {
    const lost = {
      ...root,
      target: {
        ...target,
        selector: [
          { type: 'TextQuoteSelector', exact: 'a passage this article never had in it at all' },
          target.selector[1],
        ],
      },
    }
    const result = fromW3C([lost, items[1], items[2], items[3]], { article, user })
    expect(result.imported.map((a) => a.id)).toEqual(['h/1'])
    expect(result.report.unanchored).toEqual([
      { id: UUID, quote: 'a passage this article never had in it at all', reason: 'not-found' },
      { id: 'reply-1', quote: null, reason: 'thread-not-anchored' },
      { id: 'reply-2', quote: null, reason: 'thread-not-anchored' },
    ])
    expect(result.report.anchored).toBe(1)
  })

  it('reports annotations on another edition whose quotes are not here', () => {
    const other = {
      ...root,
      target: {
        ...target,
        'hamish:articleHash': 'f'.repeat(64),
        selector: [{ type: 'TextQuoteSelector', exact: 'text of some other paper entirely' }],
      },
    }
    const result = fromW3C([other, items[1]], { article, user })
    expect(result.imported).toEqual([])
    expect(result.report.otherArticle).toEqual([
      {
        id: UUID,
        reason: `made on another edition (content hash ffffffffffff…); its passage is not here`,
      },
      { id: 'reply-1', reason: 'a reply in a thread on another article' },
    ])
  })

  it('attaches an annotation from another edition whose quote is still here', () => {
    const edited = { ...root, target: { ...target, 'hamish:articleHash': 'f'.repeat(64) } }
    const result = fromW3C([edited], { article, user })
    expect(result.imported[0]?.selectors).toEqual({
      quote: originals[0]!.anchor!.quote,
      position: originals[0]!.anchor!.position,
    })
  })

  it('reports items that are not annotations Hamish can hold, and imports the rest', () => {
    const result = fromW3C(
      [
        42,
        { type: 'Annotation', body: { type: 'TextualBody', value: 'no target' } },
        { ...items[1], body: [] },
        {
          ...root,
          body: Array.from({ length: 21 }, (_, i) => ({ purpose: 'tagging', value: `t${i}` })),
        },
        { ...root, created: 'last Tuesday' },
        items[3],
        items[3],
        { foo: 'bar' },
      ],
      { article, user },
    )
    expect(result.imported.map((a) => a.id)).toEqual(['h/1'])
    expect(result.report.invalid.map((entry) => entry.index)).toEqual([0, 1, 2, 3, 4, 6, 7])
    expect(result.report.invalid[1]?.problem).toMatch(/^not a valid W3C annotation: target/u)
    expect(result.report.invalid[2]?.problem).toBe('a reply without text')
    expect(result.report.invalid[3]?.problem).toBe('more than 20 tags')
    expect(result.report.invalid[4]?.problem).toBe('its created time is not a date: last Tuesday')
    expect(result.report.invalid[5]?.problem).toBe(
      'the same id as item 5: urn:hamish:annotation:h%2F1',
    )
    expect(result.report.invalid[6]?.problem).toBe(
      'neither a W3C Web Annotation nor a Hypothesis annotation',
    )
  })
})

describe('fromW3C: replies', () => {
  const items = toW3C(originals, { article }).first.items

  it('imports a reply to an annotation not in the file, naming it for the caller to find', () => {
    const result = fromW3C([items[2]], { article, user })
    expect(result.imported.map((a) => [a.id, a.replyTo])).toEqual([['reply-2', 'reply-1']])
  })

  it('reports replies that answer each other in a circle', () => {
    const a = { ...items[1], id: 'urn:hamish:annotation:a', target: 'urn:hamish:annotation:b' }
    const b = { ...items[1], id: 'urn:hamish:annotation:b', target: 'urn:hamish:annotation:a' }
    const result = fromW3C([items[3], a, b], { article, user })
    expect(result.imported.map((x) => x.id)).toEqual(['h/1'])
    expect(result.report.invalid).toEqual([
      { index: 1, problem: 'its replies go round in a circle' },
      { index: 2, problem: 'its replies go round in a circle' },
    ])
  })
})

describe('fromW3C: Hypothesis', () => {
  const sample = readFileSync('src/core/w3c/fixtures/hypothesis-search.json', 'utf8')
  const result = fromW3C(sample, { article, user, now })
  const byId = new Map(result.imported.map((annotation) => [annotation.id, annotation]))

  it('anchors an Arabic comment by its quote, though Hypothesis counted in another text', () => {
    const comment = byId.get('Zk3vQtR8Ee-xkzP2aB1cNw')
    const exact = 'الدبلوماسية الدفاعية أنشطة غير عنفيه لوزارة الدفاع والخارجية'
    const start = make.text.indexOf(exact)
    expect(comment).toEqual({
      id: 'Zk3vQtR8Ee-xkzP2aB1cNw',
      kind: 'comment',
      body: 'تعريف دقيق: **أنشطة غير عنفية**، قارن مع التعريف البريطاني.',
      tags: ['تعريف', 'definition'],
      replyTo: undefined,
      selectors: {
        quote: {
          exact,
          prefix: make.text.slice(start - 32, start),
          suffix: make.text.slice(start + exact.length, start + exact.length + 32),
        },
        position: { start, end: start + exact.length },
      },
      createdAt: '2026-11-20T09:14:03.512Z',
      updatedAt: '2026-11-20T09:20:41.007Z',
      creator: { id: 'acct:hanan_f@hypothes.is', name: 'حنان فالح' },
      color: undefined,
      visibility: undefined,
      resolved: undefined,
      format: 'hypothesis',
    })
  })

  it('reads a reply from its references, and a highlight from an empty text', () => {
    expect(byId.get('b7Yw2tR9Ee-0oZ6cF3hT1g')).toMatchObject({
      kind: 'reply',
      replyTo: 'Zk3vQtR8Ee-xkzP2aB1cNw',
      body: 'Yes — and compare the South African definition further down.',
      creator: { name: 'Intisar Zoueir' },
    })
    const highlight = byId.get('c1Pq0tRAEe-7uXx9QmV2rA')
    expect(highlight).toMatchObject({ kind: 'highlight', body: '', creator: { name: 'omar_k' } })
    expect(highlight?.selectors?.quote.exact).toBe(
      'يعد الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية',
    )
  })

  it('reports the page note, the lost quote and the other paper', () => {
    expect(result.report).toEqual({
      anchored: 3,
      unanchored: [
        { id: 'd9Lm4tRBEe-2pQs8WkY7dB', quote: null, reason: 'no-passage' },
        {
          id: 'e2Nk6tRCEe-9rTy1XlZ8eC',
          quote: 'a sentence that the published article does not contain',
          reason: 'not-found',
        },
      ],
      otherArticle: [
        {
          id: 'f4Rr8tRDEe-3sUz2YmA9fD',
          reason: 'made on https://example.org/papers/soft-power.pdf; its passage is not here',
        },
      ],
      invalid: [],
    })
  })

  it('reads the client’s export file and a bare list the same way', () => {
    const rows = (JSON.parse(sample) as { rows: unknown[] }).rows
    const fromExport = fromW3C(
      { export_date: '2026-12-01', annotations: rows },
      { article, user, now },
    )
    expect(fromExport).toEqual(result)
    expect(fromW3C(rows, { article, user, now })).toEqual(result)
  })
})

describe('fromW3C: files it refuses', () => {
  const refusal = (input: unknown): AnnotationImportError => {
    try {
      fromW3C(input, { article, user })
    } catch (error) {
      if (error instanceof AnnotationImportError) return error
      throw error
    }
    throw new Error('expected the file to be refused')
  }

  it('refuses malformed JSON with the parser’s reason', () => {
    const error = refusal('{"rows": [')
    expect(error.problem).toBe('malformed-json')
    expect(error.message).toMatch(/^The file is not valid JSON: /u)
  })

  it('refuses JSON that holds no annotations, saying what it expected', () => {
    for (const input of ['{"foo": 1}', '42', 'null', '"text"']) {
      const error = refusal(input)
      expect(error.problem, input).toBe('wrong-shape')
      expect(error.message).toContain('Expected W3C Web Annotation JSON')
    }
  })

  it('refuses a collection whose pages are only linked', () => {
    const error = refusal({ type: 'AnnotationCollection', first: 'https://example.org/page1' })
    expect(error.problem).toBe('wrong-shape')
    expect(error.message).toContain('embedded')
  })

  it('refuses an over-large file before parsing it', () => {
    const error = refusal(`[${' '.repeat(MAX_ANNOTATION_IMPORT_CHARS)}]`)
    expect(error.problem).toBe('too-large')
    expect(error.message).toMatch(/too large/u)
  })

  it('reads a file with a byte-order mark', () => {
    const json = `\uFEFF${JSON.stringify(toW3C(originals, { article }))}`
    expect(fromW3C(json, { article, user }).imported).toHaveLength(4)
  })
})
