import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importArticle } from '../article/import-article'
import { annotationMaker } from '../export/export-test-support'
import { fromW3C } from './from-w3c'
import { toW3C } from './to-w3c'

/*
 * Script through the W3C and Hypothesis doors. Importing never turns a payload into markup (an
 * HTML body is kept as the text it is, for the Markdown renderer to show as text), and exporting
 * never names a payload as anything a consumer would follow: bodies say they are Markdown, and
 * ids and creators are URNs however hostile the ids they hold.
 */

const article = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
)
const make = annotationMaker(article)
const EXACT = 'يعد الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية'
const BODY = '<img src=x onerror="alert(1)"> [x](javascript:alert(2)) <svg onload=alert(3)>'
const NAME = '<script>alert(4)</script>'
const TAG = '<iframe src=javascript:alert(5)>'
const HOSTILE_ID = 'javascript:alert(6)//"><script>alert(7)</script>'

const importer = { id: 'importer', name: 'The Importer' }
const now = new Date('2026-12-01T00:00:00.000Z')

describe('importing payloads', () => {
  it('keeps an HTML body, tags and a creator name as the exact text, interpreting none of it', () => {
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: HOSTILE_ID,
      type: 'Annotation',
      motivation: 'commenting',
      creator: { id: 'javascript:alert(8)', type: 'Person', name: NAME },
      body: [
        { type: 'TextualBody', value: BODY, format: 'text/html' },
        { type: 'TextualBody', value: TAG, purpose: 'tagging' },
      ],
      target: {
        source: 'javascript:alert(9)',
        selector: { type: 'TextQuoteSelector', exact: EXACT },
      },
    }
    const { imported, report } = fromW3C(JSON.stringify(file), { article, user: importer, now })
    expect(report.invalid).toEqual([])
    expect(imported).toHaveLength(1)
    expect(imported[0]).toMatchObject({
      body: BODY,
      tags: [TAG],
      creator: { name: NAME },
    })
  })
})

describe('exporting payloads', () => {
  const hostile = make.on(EXACT, {
    id: HOSTILE_ID,
    author: 'javascript:alert(10)',
    authorName: NAME,
    body: BODY,
    tags: [TAG],
  })
  const collection = toW3C([hostile], { article, exporterVersion: '0.1.0' })
  const json = JSON.stringify(collection)
  const [annotation] = JSON.parse(json).first.items

  it('names ids and creators by URN, never by the hostile text as an address', () => {
    expect(annotation.id).toMatch(/^urn:hamish:annotation:/u)
    expect(annotation.creator.id).toMatch(/^urn:hamish:user:/u)
    expect(json).not.toMatch(/"(?:id|source)":"javascript:/iu)
  })

  it('says every comment body is Markdown, not HTML, and reads back byte for byte', () => {
    const bodies = annotation.body as { format?: string; purpose: string; value: string }[]
    expect(bodies.find((body) => body.purpose === 'commenting')).toMatchObject({
      format: 'text/markdown',
      value: BODY,
    })
    const back = fromW3C(json, { article, user: importer, now }).imported[0]
    expect(back).toMatchObject({ id: HOSTILE_ID, body: BODY, tags: [TAG], creator: { name: NAME } })
  })
})
