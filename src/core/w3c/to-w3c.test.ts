import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../annotations/annotation'
import type { ArticleDoc } from '../article/article-doc'
import { importArticle } from '../article/import-article'
import { annotationMaker } from '../export/export-test-support'
import { toW3C } from './to-w3c'
import type { W3CAnnotation } from './w3c-annotation'

const article = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
)
const make = annotationMaker(article)

const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e'
const comment = make.on('يعد الملحق العسكري هو اللاعب الرئيسي', {
  id: UUID,
  author: 'hanan',
  authorName: 'حنان',
  body: 'تعريف **مهم**',
  tags: ['تعريف', 'definition'],
  createdAt: '2026-11-28T14:03:00.000Z',
  updatedAt: '2026-11-28T14:05:30.000Z',
})
const reply = make.reply(UUID, {
  id: 'reply-1',
  author: 'intisar',
  authorName: 'Intisar',
  body: 'Agreed.',
  createdAt: '2026-11-28T15:00:00.000Z',
})
const highlight = make.on('Defense diplomacy', {
  id: 'highlight/1',
  author: 'omar',
  authorName: 'Omar',
  resolved: true,
})
const digitsOnly = make.on('المقدمة', {
  id: 'digits',
  author: 'omar',
  authorName: 'Omar',
  body: '١٢٣',
})

const collection = toW3C([comment, reply, highlight, digitsOnly], {
  article,
  exporterVersion: '0.1.0',
  exportedAt: new Date('2026-11-30T00:00:00.000Z'),
})
const [w3cComment, w3cReply, w3cHighlight, w3cDigits] = collection.first.items as [
  W3CAnnotation,
  W3CAnnotation,
  W3CAnnotation,
  W3CAnnotation,
]

// The web-platform-tests annotation-model schemas, kept beside the project (see its README).
const schemaFolder = fileURLToPath(
  new URL('../../../../shared/w3c/annotation-model', import.meta.url),
)

describe.skipIf(!existsSync(schemaFolder))(
  'toW3C against the W3C test suite’s 14 MUST assertions (../shared/w3c/annotation-model absent)',
  () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false })
    addFormats(ajv)
    const definitions = join(schemaFolder, 'definitions')
    for (const file of readdirSync(definitions)) {
      ajv.addSchema(JSON.parse(readFileSync(join(definitions, file), 'utf8')) as object)
    }
    const musts = JSON.parse(
      readFileSync(join(schemaFolder, 'annotations', 'annotationMusts.test'), 'utf8'),
    ) as { assertions: string[] }
    const assertions = musts.assertions.map((path) => {
      const schema = JSON.parse(readFileSync(join(schemaFolder, path), 'utf8')) as {
        id: string
        errorMessage: string
      }
      return { name: schema.id, check: ajv.compile(schema) }
    })
    const failures = (annotation: unknown): string[] =>
      assertions
        .filter((assertion) => !assertion.check(annotation))
        .map((assertion) => assertion.name)

    it('has all 14 assertions', () => {
      expect(assertions).toHaveLength(14)
    })

    it('writes every annotation so that it passes each of them on its own', () => {
      for (const annotation of collection.first.items) {
        expect(failures(JSON.parse(JSON.stringify(annotation))), annotation.id).toEqual([])
      }
    })

    it('is checked by assertions that do fail broken annotations', () => {
      const noContext: Partial<W3CAnnotation> = { ...w3cComment }
      delete noContext['@context']
      expect(failures(noContext)).toContain('3.1-annotationContextValidated.json')
      expect(failures({ ...w3cComment, created: '28/11/2026' })).toContain(
        '3.3.1-annotationCreatedValidated.json',
      )
      expect(failures({ ...w3cComment, bodyValue: 'x' })).toContain('3.2.5-notBodyBodyValue.json')
      expect(failures({ ...w3cComment, id: 'not an iri' })).toContain(
        '3.1-annotationIdValidated.json',
      )
    })
  },
)

describe('toW3C', () => {
  it('writes a comment with its motivation, creator, times, Markdown body and tags', () => {
    expect(w3cComment).toMatchObject({
      '@context': ['http://www.w3.org/ns/anno.jsonld', { hamish: 'urn:hamish:vocab:' }],
      id: `urn:uuid:${UUID}`,
      type: 'Annotation',
      motivation: 'commenting',
      creator: { id: 'urn:hamish:user:hanan', type: 'Person', name: 'حنان' },
      created: '2026-11-28T14:03:00.000Z',
      modified: '2026-11-28T14:05:30.000Z',
      generator: { type: 'Software', name: 'hamish 0.1.0' },
      body: [
        {
          type: 'TextualBody',
          value: 'تعريف **مهم**',
          purpose: 'commenting',
          format: 'text/markdown',
          language: 'ar',
          textDirection: 'rtl',
        },
        { type: 'TextualBody', value: 'تعريف', purpose: 'tagging', language: 'ar' },
        { type: 'TextualBody', value: 'definition', purpose: 'tagging', language: 'en' },
      ],
      'hamish:color': 'yellow',
      'hamish:visibility': 'class',
    })
  })

  it('targets the passage by quote and position, with the edition’s hash', () => {
    const anchor = comment.anchor!
    expect(w3cComment.target).toEqual({
      source: 'https://political-encyclopedia.org/library/6722',
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: anchor.quote.exact,
          prefix: anchor.quote.prefix,
          suffix: anchor.quote.suffix,
        },
        { type: 'TextPositionSelector', start: anchor.position.start, end: anchor.position.end },
      ],
      'hamish:articleHash': make.articleHash,
    })
  })

  it('writes a reply as an annotation on its parent', () => {
    expect(w3cReply).toMatchObject({
      id: 'urn:hamish:annotation:reply-1',
      motivation: 'replying',
      target: `urn:uuid:${UUID}`,
      body: [{ value: 'Agreed.', purpose: 'replying', language: 'en', textDirection: 'ltr' }],
    })
  })

  it('writes a highlight with no body, its odd id escaped', () => {
    expect(w3cHighlight.id).toBe('urn:hamish:annotation:highlight%2F1')
    expect(w3cHighlight.motivation).toBe('highlighting')
    expect(w3cHighlight.body).toBeUndefined()
    expect(w3cHighlight['hamish:resolved']).toBe(true)
  })

  it('leaves the language open for text with no letters', () => {
    expect(w3cDigits.body?.[0]).toMatchObject({ value: '١٢٣', textDirection: 'auto' })
    expect(w3cDigits.body?.[0]).not.toHaveProperty('language')
  })

  it('counts positions in code points, and names an article with no address by its content', () => {
    const emojiArticle: ArticleDoc = {
      meta: { ...article.meta, sourceUrl: undefined },
      content: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: '😀😀 after the emoji' }] }],
      },
    }
    const on = annotationMaker(emojiArticle).on('after', {
      id: 'e',
      author: 'a',
      authorName: 'A',
    }) as Annotation
    expect(on.anchor?.position).toEqual({ start: 5, end: 10 })
    const [item] = toW3C([on], { article: emojiArticle }).first.items
    const target = item?.target
    if (typeof target !== 'object') throw new Error('expected a passage target')
    expect(target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 3, end: 8 })
    expect(target.source).toMatch(/^urn:hamish:article:[0-9a-f]{64}$/u)
  })

  it('wraps the annotations in a collection with one embedded page', () => {
    expect(collection).toMatchObject({
      type: 'AnnotationCollection',
      label: article.meta.title,
      total: 4,
      generated: '2026-11-30T00:00:00.000Z',
      first: { type: 'AnnotationPage', startIndex: 0 },
    })
  })
})
