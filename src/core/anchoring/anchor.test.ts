import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Anchor } from '../annotations/annotation'
import { articlePlainText, importArticle, type PMNode } from '../article'
import { createAnchor, resolveAnchor, resolveAnchors, type AnchorResolution } from './anchor'
import type { ArticleTextIndex } from './article-text-index'
import { indexOfFragment, seededArticleDoc, xmlTextAt } from './test-support/article-fragment'

const seed = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
).content

const HASH = 'a'.repeat(64)
/** In the middle of its paragraph, which begins 'يعد ' before it. */
const SENTENCE = 'الملحق العسكري هو اللاعب الرئيسي في الدبلوماسية الدفاعية'

/** The seeded article and an anchor on `exact` in it. */
function anchoredArticle(exact = SENTENCE) {
  const { doc, fragment } = seededArticleDoc(seed)
  const index = indexOfFragment(fragment)
  const start = index.text.indexOf(exact)
  const from = index.positionAt(start)
  const to = index.positionAt(start + exact.length)
  const anchor = createAnchor({ fragment, index, articleHash: HASH, from, to })
  if (anchor === null) throw new Error('no anchor')
  const resolve = (): { resolution: AnchorResolution; index: ArticleTextIndex } => {
    const current = indexOfFragment(fragment)
    return { resolution: resolveAnchor({ doc, fragment, index: current, anchor }), index: current }
  }
  return { doc, fragment, anchor, from, to, resolve }
}

function anchoredText(resolved: { resolution: AnchorResolution; index: ArticleTextIndex }): string {
  const { resolution, index } = resolved
  if (resolution.status !== 'anchored') throw new Error(`orphaned: ${resolution.reason}`)
  return index.text.slice(index.textOffsetAt(resolution.from), index.textOffsetAt(resolution.to))
}

function via(resolved: { resolution: AnchorResolution }): string {
  const { resolution } = resolved
  return resolution.status === 'anchored' ? resolution.via : resolution.reason
}

/** The seed article with one top-level block changed. */
function withBlocks(edit: (blocks: PMNode[]) => void): PMNode {
  const blocks = structuredClone(seed.content ?? [])
  edit(blocks)
  return { ...seed, content: blocks }
}

describe('creating an anchor', () => {
  it('stores relative positions, the quote and its offsets', () => {
    const { anchor, resolve } = anchoredArticle()
    expect(Anchor.safeParse(anchor).success).toBe(true)
    expect(anchor.articleHash).toBe(HASH)
    expect(anchor.quote.exact).toBe(SENTENCE)
    const text = articlePlainText(seed)
    expect(anchor.position.start).toBe(text.indexOf(SENTENCE))
    expect(anchor.quote.prefix).toBe(text.slice(anchor.position.start - 32, anchor.position.start))
    expect(anchor.start).not.toBe(anchor.end)
    expect(via(resolve())).toBe('relative')
    expect(anchoredText(resolve())).toBe(SENTENCE)
  })

  it('makes no anchor for an empty selection', () => {
    const { fragment } = seededArticleDoc(seed)
    const index = indexOfFragment(fragment)
    expect(createAnchor({ fragment, index, articleHash: HASH, from: 40, to: 40 })).toBeNull()
  })
})

describe('an anchor through edits of the article fragment', () => {
  it('survives inserts before and after its range', () => {
    const { doc, fragment, from, to, resolve } = anchoredArticle()
    const start = xmlTextAt(doc, fragment, from)
    start.text.insert(start.index - 5, 'قبل ')
    const end = xmlTextAt(doc, fragment, to + 4)
    end.text.insert(end.index + 3, ' بعد')
    const added = new Y.XmlElement('paragraph')
    added.insert(0, [new Y.XmlText('فقرة جديدة في البداية')])
    fragment.insert(0, [added])
    expect(anchoredText(resolve())).toBe(SENTENCE)
    expect(via(resolve())).toBe('relative')
  })

  it('keeps text typed exactly at either edge outside the range', () => {
    const { doc, fragment, from, to, resolve } = anchoredArticle()
    const end = xmlTextAt(doc, fragment, to)
    end.text.insert(end.index, '، وأكثر')
    const start = xmlTextAt(doc, fragment, from)
    start.text.insert(start.index, 'وقد ')
    expect(anchoredText(resolve())).toBe(SENTENCE)
  })

  it('keeps text typed at the start of its paragraph outside a passage that begins there', () => {
    const opening = 'يعد الملحق العسكري'
    const { doc, fragment, from, resolve } = anchoredArticle(opening)
    const start = xmlTextAt(doc, fragment, from)
    expect(start.index).toBe(0)
    start.text.insert(0, 'أولا: ')
    expect(anchoredText(resolve())).toBe(opening)
  })

  it('takes in text typed inside its range', () => {
    const { doc, fragment, from, resolve } = anchoredArticle()
    const start = xmlTextAt(doc, fragment, from)
    start.text.insert(start.index + 'الملحق'.length, ' (المستشار)')
    const expected = SENTENCE.replace('الملحق', 'الملحق (المستشار)')
    expect(anchoredText(resolve())).toBe(expected)
    expect(via(resolve())).toBe('relative')
  })

  it('survives deletes before and after its range, and shrinks with deletes inside it', () => {
    const { doc, fragment, from, to, resolve } = anchoredArticle()
    const end = xmlTextAt(doc, fragment, to)
    end.text.delete(end.index, 10)
    const start = xmlTextAt(doc, fragment, from)
    fragment.delete(0, 1)
    expect(anchoredText(resolve())).toBe(SENTENCE)
    start.text.delete(start.index + 'الملحق '.length, 'العسكري '.length)
    expect(anchoredText(resolve())).toBe(SENTENCE.replace('العسكري ', ''))
    expect(via(resolve())).toBe('relative')
  })

  it('keeps its range when marks are applied across it', () => {
    const { doc, fragment, from, resolve } = anchoredArticle()
    const start = xmlTextAt(doc, fragment, from)
    start.text.format(start.index - 3, 20, { italic: {} })
    expect(anchoredText(resolve())).toBe(SENTENCE)
    expect(via(resolve())).toBe('relative')
  })

  it('spans blocks: a heading and the paragraph after it', () => {
    const { doc, fragment } = seededArticleDoc(seed)
    const index = indexOfFragment(fragment)
    const start = index.text.indexOf('مجالات واهداف')
    const end = index.text.indexOf('يعد الملحق العسكري') + 'يعد الملحق'.length
    const anchor = createAnchor({
      fragment,
      index,
      articleHash: HASH,
      from: index.positionAt(start),
      to: index.positionAt(end),
    })
    if (anchor === null) throw new Error('no anchor')
    const quoted = 'مجالات واهداف الدبلوماسية الدفاعية\n\nيعد الملحق'
    expect(anchor.quote.exact).toBe(quoted)

    // A paragraph inserted between the heading and its paragraph falls inside the range.
    const headingIndex = fragment
      .toArray()
      .findIndex((block) => block.toString().includes('مجالات واهداف'))
    const added = new Y.XmlElement('paragraph')
    added.insert(0, [new Y.XmlText('بينهما')])
    fragment.insert(headingIndex + 1, [added])
    const current = indexOfFragment(fragment)
    const resolution = resolveAnchor({ doc, fragment, index: current, anchor })
    expect(via({ resolution })).toBe('relative')
    expect(anchoredText({ resolution, index: current })).toBe(
      quoted.replace('\n\n', '\n\nبينهما\n\n'),
    )
  })

  it('is orphaned as deleted when all its text is deleted', () => {
    const { doc, fragment, from, resolve } = anchoredArticle()
    const start = xmlTextAt(doc, fragment, from)
    start.text.delete(start.index, SENTENCE.length)
    expect(resolve().resolution).toEqual({ status: 'orphaned', reason: 'deleted' })
  })

  it('is orphaned as deleted when its paragraph is removed', () => {
    const { fragment, resolve } = anchoredArticle()
    const blockIndex = fragment.toArray().findIndex((block) => block.toString().includes(SENTENCE))
    expect(blockIndex).toBeGreaterThan(0)
    fragment.delete(blockIndex, 1)
    expect(resolve().resolution).toEqual({ status: 'orphaned', reason: 'deleted' })
  })

  it('finds its quote again when the text was deleted and typed anew', () => {
    const { doc, fragment, from, resolve } = anchoredArticle()
    const start = xmlTextAt(doc, fragment, from)
    start.text.delete(start.index, SENTENCE.length)
    start.text.insert(start.index, SENTENCE)
    expect(via(resolve())).toBe('position')
    expect(anchoredText(resolve())).toBe(SENTENCE)

    // Retyped with a correction, a little later in the paragraph: the quote, fuzzily.
    start.text.delete(start.index, SENTENCE.length)
    start.text.insert(start.index, `نعم، ${SENTENCE.replace('العسكري', 'العسكرى')}`)
    expect(via(resolve())).toBe('quote')
    expect(anchoredText(resolve())).toBe(SENTENCE.replace('العسكري', 'العسكرى'))
  })
})

describe('an anchor on another copy of the article', () => {
  it('finds the same edition by its offsets', () => {
    const { anchor } = anchoredArticle()
    const { doc, fragment } = seededArticleDoc(seed)
    const index = indexOfFragment(fragment)
    const resolution = resolveAnchor({ doc, fragment, index, anchor })
    expect(via({ resolution })).toBe('position')
    expect(anchoredText({ resolution, index })).toBe(SENTENCE)
  })

  it('finds an edited edition by its quote', () => {
    const { anchor } = anchoredArticle()
    const edited = withBlocks((blocks) => {
      blocks.splice(3, 0, { type: 'paragraph', content: [{ type: 'text', text: 'فقرة مضافة' }] })
    })
    const { doc, fragment } = seededArticleDoc(edited)
    const index = indexOfFragment(fragment)
    const resolution = resolveAnchor({ doc, fragment, index, anchor })
    expect(via({ resolution })).toBe('quote')
    expect(anchoredText({ resolution, index })).toBe(SENTENCE)
  })

  it('is orphaned as not found on an edition without the passage', () => {
    const { anchor } = anchoredArticle()
    const without = withBlocks((blocks) => {
      for (const block of blocks) {
        if (JSON.stringify(block).includes(SENTENCE)) block.content = []
      }
    })
    const { doc, fragment } = seededArticleDoc(without)
    const index = indexOfFragment(fragment)
    expect(index.text).not.toContain('يعد الملحق العسكري')
    expect(resolveAnchor({ doc, fragment, index, anchor })).toEqual({
      status: 'orphaned',
      reason: 'not-found',
    })
  })

  it('is not thrown by an anchor whose stored positions are garbage', () => {
    const { anchor } = anchoredArticle()
    const { doc, fragment } = seededArticleDoc(seed)
    const index = indexOfFragment(fragment)
    const damaged = { ...anchor, start: 'bm90IGEgcG9zaXRpb24=', end: '!!' }
    const resolution = resolveAnchor({ doc, fragment, index, anchor: damaged })
    expect(via({ resolution })).toBe('position')
  })
})

describe('resolving many anchors', () => {
  it('gives each the resolution it gets alone, 5,000 of them well within a second', () => {
    const { doc, fragment } = seededArticleDoc(seed)
    const index = indexOfFragment(fragment)
    const anchors = Array.from({ length: 5000 }, (_, i) => {
      const start = (i * 7919) % (index.text.length - 60)
      const from = index.positionAt(start)
      const to = index.positionAt(start + 1 + (i % 50))
      return createAnchor({ fragment, index, articleHash: HASH, from, to })
    }).filter((anchor) => anchor !== null)
    expect(anchors.length).toBeGreaterThan(4500)

    const added = new Y.XmlElement('paragraph')
    added.insert(0, [new Y.XmlText('فقرة جديدة')])
    fragment.insert(2, [added])
    const current = indexOfFragment(fragment)
    const started = performance.now()
    const resolutions = resolveAnchors({ doc, fragment, index: current, anchors })
    const elapsed = performance.now() - started
    for (const [i, resolution] of resolutions.entries()) {
      if (i % 10 !== 0) continue
      expect(resolution).toEqual(
        resolveAnchor({ doc, fragment, index: current, anchor: anchors[i]! }),
      )
    }
    expect(resolutions.every((resolution) => resolution.status === 'anchored')).toBe(true)
    // About 70 ms on the 2-core machine; the bound only catches a slide into quadratic work.
    expect(elapsed).toBeLessThan(1500)
  })
})
