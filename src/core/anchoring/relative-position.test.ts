import { readFileSync } from 'node:fs'
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
} from '@tiptap/y-tiptap'
import { toBase64 } from 'lib0/buffer'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importArticle } from '../article'
import {
  decodeRelativePosition,
  encodeRelativePosition,
  measureFragment,
  pmPosFromRelativePosition,
  relativePositionFromPmPos,
  resolvePmPos,
} from './relative-position'
import { indexOfFragment, paragraphsDoc, seededArticleDoc } from './test-support/article-fragment'
import { articleTestSchema } from './test-support/article-test-schema'
import { seededRandom } from './test-support/seeded-random'

const seed = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
).content

/** The n-th top-level block's first Y.XmlText. */
function textOfBlock(fragment: Y.XmlFragment, n: number): Y.XmlText {
  const block = fragment.get(n)
  if (!(block instanceof Y.XmlElement)) throw new Error(`block ${n} is not an element`)
  const text = block.get(0)
  if (!(text instanceof Y.XmlText)) throw new Error(`block ${n} does not start with text`)
  return text
}

describe('relative positions in the article fragment', () => {
  it('round-trips every position of the seeded article, leaning either way', () => {
    const { doc, fragment } = seededArticleDoc(seed)
    const size = indexOfFragment(fragment).size
    for (let pos = 0; pos <= size; pos++) {
      for (const assoc of [0, -1]) {
        const rel = relativePositionFromPmPos(fragment, pos, assoc)
        expect(pmPosFromRelativePosition(doc, fragment, rel)).toBe(pos)
      }
    }
    expect(() => relativePositionFromPmPos(fragment, size + 1)).toThrow(RangeError)
    expect(() => relativePositionFromPmPos(fragment, -1)).toThrow(RangeError)
  })

  it("agrees with y-prosemirror's own conversions", () => {
    const { doc, fragment } = seededArticleDoc(seed)
    const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, articleTestSchema)
    expect(indexOfFragment(fragment).size).toBe(pmDoc.content.size)
    const random = seededRandom(11)
    for (let round = 0; round < 2000; round++) {
      // y-prosemirror distrusts text positions at 0 and 1 (a drag-and-drop workaround).
      const pos = random.int(2, pmDoc.content.size)
      const ours = relativePositionFromPmPos(fragment, pos)
      expect(relativePositionToAbsolutePosition(doc, fragment, ours, mapping)).toBe(pos)
      const theirs = absolutePositionToRelativePosition(pos, fragment, mapping)
      expect(pmPosFromRelativePosition(doc, fragment, theirs)).toBe(pos)
    }
  })

  it('resolves the same through a measured layout as by walking the fragment', () => {
    const { doc, fragment } = seededArticleDoc(seed)
    const random = seededRandom(5)
    const size = indexOfFragment(fragment).size
    const rels = Array.from({ length: 3000 }, () =>
      relativePositionFromPmPos(fragment, random.int(0, size), random.pick([0, -1])),
    )
    fragment.delete(3, 2)
    fragment.insert(5, [new Y.XmlElement('paragraph'), new Y.XmlElement('horizontalRule')])
    textOfBlock(fragment, 10).insert(4, 'نص مضاف')
    const layout = measureFragment(fragment)
    let deleted = 0
    for (const rel of rels) {
      const walked = resolvePmPos(doc, fragment, rel)
      expect(resolvePmPos(doc, fragment, rel, layout)).toEqual(walked)
      if ('unresolved' in walked) deleted++
    }
    // Some positions were in the deleted blocks; most were not.
    expect(deleted).toBeGreaterThan(0)
    expect(deleted).toBeLessThan(rels.length / 2)
  })

  it('keeps text typed at a position on the side it leans away from', () => {
    const { doc, fragment } = seededArticleDoc(paragraphsDoc('abcdef'))
    // "abcdef" starts at 1; position 4 is between "c" and "d".
    const leansRight = relativePositionFromPmPos(fragment, 4, 0)
    const leansLeft = relativePositionFromPmPos(fragment, 4, -1)
    textOfBlock(fragment, 0).insert(3, 'XY')
    expect(pmPosFromRelativePosition(doc, fragment, leansRight)).toBe(6)
    expect(pmPosFromRelativePosition(doc, fragment, leansLeft)).toBe(4)
  })

  it('follows its text when blocks are added or removed before it', () => {
    const { doc, fragment } = seededArticleDoc(paragraphsDoc('one', 'two', 'three'))
    // "three" starts at 11: <p>one</p> 0..5, <p>two</p> 5..10.
    const rel = relativePositionFromPmPos(fragment, 13)
    const inserted = new Y.XmlElement('paragraph')
    inserted.insert(0, [new Y.XmlText('new')])
    fragment.insert(0, [inserted])
    expect(pmPosFromRelativePosition(doc, fragment, rel)).toBe(18)
    fragment.delete(1, 2)
    expect(pmPosFromRelativePosition(doc, fragment, rel)).toBe(8)
  })

  it('points between blocks at the block that follows', () => {
    const { doc, fragment } = seededArticleDoc(paragraphsDoc('one', '', 'two'))
    const beforeEmpty = relativePositionFromPmPos(fragment, 5)
    const insideEmpty = relativePositionFromPmPos(fragment, 6)
    expect(beforeEmpty.item).not.toBeNull()
    fragment.insert(1, [new Y.XmlElement('horizontalRule')])
    expect(pmPosFromRelativePosition(doc, fragment, beforeEmpty)).toBe(6)
    expect(pmPosFromRelativePosition(doc, fragment, insideEmpty)).toBe(7)
  })

  it('no longer resolves once its block is deleted', () => {
    const { doc, fragment } = seededArticleDoc(paragraphsDoc('one', 'two'))
    const rel = relativePositionFromPmPos(fragment, 7)
    fragment.delete(1, 1)
    expect(pmPosFromRelativePosition(doc, fragment, rel)).toBeNull()
    expect(resolvePmPos(doc, fragment, rel)).toEqual({ unresolved: 'deleted' })
  })

  it('refuses positions from another document or another type', () => {
    const { fragment } = seededArticleDoc(paragraphsDoc('one'))
    const other = seededArticleDoc(paragraphsDoc('one'))
    const rel = relativePositionFromPmPos(fragment, 2)
    expect(resolvePmPos(other.doc, other.fragment, rel)).toEqual({ unresolved: 'unknown' })

    const notes = other.doc.getText('notes')
    notes.insert(0, 'hello')
    const intoNotes = Y.createRelativePositionFromTypeIndex(notes, 2)
    expect(resolvePmPos(other.doc, other.fragment, intoNotes)).toEqual({ unresolved: 'unknown' })
    const byName = Y.createRelativePositionFromTypeIndex(other.doc.getText('empty'), 0)
    expect(resolvePmPos(other.doc, other.fragment, byName)).toEqual({ unresolved: 'unknown' })
  })

  it('never creates a root type while resolving a forged position', () => {
    const { doc, fragment } = seededArticleDoc(paragraphsDoc('one'))
    const forged = new Y.RelativePosition(null, 'forged', null)
    expect(pmPosFromRelativePosition(doc, fragment, forged)).toBeNull()
    expect(doc.share.has('forged')).toBe(false)
  })
})

describe('encoding relative positions', () => {
  it('round-trips through base64', () => {
    const { doc, fragment } = seededArticleDoc(paragraphsDoc('قال الملحق'))
    const rel = relativePositionFromPmPos(fragment, 5, -1)
    const encoded = encodeRelativePosition(rel)
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/)
    const decoded = decodeRelativePosition(encoded)
    expect(decoded?.assoc).toBe(-1)
    expect(encodeRelativePosition(decoded!)).toBe(encoded)
    expect(pmPosFromRelativePosition(doc, fragment, decoded!)).toBe(5)
  })

  it('decodes each encoding once: re-anchoring thousands of annotations reuses the positions', () => {
    const { fragment } = seededArticleDoc(paragraphsDoc('one two'))
    const encoded = encodeRelativePosition(relativePositionFromPmPos(fragment, 3))
    const first = decodeRelativePosition(encoded)
    expect(first).not.toBeNull()
    expect(decodeRelativePosition(encoded)).toBe(first)
    // A refused encoding stays refused when asked again.
    expect(decodeRelativePosition(`${encoded}AAAA`)).toBeNull()
    expect(decodeRelativePosition(`${encoded}AAAA`)).toBeNull()
  })

  it('returns null for garbage, and never throws', () => {
    const { fragment } = seededArticleDoc(paragraphsDoc('one'))
    const valid = encodeRelativePosition(relativePositionFromPmPos(fragment, 2))
    for (const garbage of ['', 'not base64!', '====', 'AAAA', valid.slice(0, -4), `${valid}AAAA`]) {
      expect(decodeRelativePosition(garbage)).toBeNull()
    }
    const random = seededRandom(3)
    for (let round = 0; round < 500; round++) {
      const bytes = Uint8Array.from({ length: random.int(1, 24) }, () => random.int(0, 255))
      const decoded = decodeRelativePosition(toBase64(bytes))
      if (decoded !== null) {
        expect(() => resolvePmPos(new Y.Doc(), fragment, decoded)).not.toThrow()
      }
    }
  })
})
