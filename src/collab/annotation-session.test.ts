import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createAnchor, buildArticleTextIndex } from '../core/anchoring'
import { sampleArticle } from '../core/article/sample-article'
import { openAnnotationSession } from './annotation-session'
import { openLocalReading } from './local-reading'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type { PMNode } from '../core/article/article-doc'

const reader = { userId: 'u-1', name: 'Hanan' }

async function anchoredReading(text: string) {
  const reading = await openLocalReading(
    sampleArticle([
      { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text }] },
    ]),
  )
  const index = buildArticleTextIndex(yXmlFragmentToProsemirrorJSON(reading.fragment) as PMNode)
  const anchor = createAnchor({
    fragment: reading.fragment,
    index,
    articleHash: reading.meta.contentHash,
    from: 1,
    to: 1 + text.indexOf(' '),
  })
  if (!anchor) throw new Error('no anchor')
  return { reading, anchor }
}

describe('an annotation session', () => {
  it('keeps annotations and routes them by visibility across reloads', async () => {
    const { reading, anchor } = await anchoredReading('الدبلوماسية الدفاعية')
    const session = await openAnnotationSession(reading, reader)
    const highlight = session.store.createHighlight({ anchor, visibility: 'private' })
    const comment = session.store.createComment({
      anchor,
      body: 'تعريف **مهم**',
      tags: ['#definition'],
      visibility: 'class',
    })
    expect(
      session.collection
        .all()
        .map((a) => a.id)
        .sort(),
    ).toEqual([highlight.id, comment.id].sort())
    await session.close()

    const again = await openAnnotationSession(reading, reader)
    expect(again.store.get(comment.id)?.tags).toEqual(['definition'])
    expect(again.store.get(highlight.id)?.visibility).toBe('private')
    expect(again.collection.threads().threads).toHaveLength(2)
    await again.close()
    await reading.close()
  })

  it('undoes the last action', async () => {
    const { reading, anchor } = await anchoredReading('نص قصير للتجربة')
    const session = await openAnnotationSession(reading, { userId: 'u-2', name: 'Intisar' })
    const made = session.store.createHighlight({ anchor, visibility: 'class' })
    expect(session.undo.canUndo()).toBe(true)
    session.undo.undo()
    expect(session.store.get(made.id)).toBeUndefined()
    session.undo.redo()
    expect(session.store.get(made.id)).toBeDefined()
    await session.close()
    await reading.close()
  })
})
