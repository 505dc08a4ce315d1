import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Anchor } from '../annotations/annotation'
import { importArticle, type PMNode } from '../article'
import { createAnchor, resolveAnchor, type AnchorResolution } from './anchor'
import { decodeRelativePosition, pmPosFromRelativePosition } from './relative-position'
import { ARTICLE_FIELD, indexOfFragment, seededArticleDoc } from './test-support/article-fragment'
import { seededRandom, type SeededRandom } from './test-support/seeded-random'

/*
 * Two replicas edit the article concurrently around an anchored passage, then exchange their
 * updates; two observers receive both updates, one in each order. Every replica must resolve the
 * anchor to the same place, and when no edit reached inside the passage, to exactly its quote.
 * In the manner of Yjs's randomised tests: a fixed seed, so a failure replays.
 */

const seed = importArticle(
  readFileSync('resources/articles/defensive-diplomacy-iraq.ar.txt', 'utf8'),
  { format: 'txt' },
).content
/** A stretch of the article (headings, paragraphs, a numbered list): enough, and quick to index. */
const excerpt: PMNode = { type: 'doc', content: (seed.content ?? []).slice(30, 60) }

const ROUNDS = 300
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى ًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩ ،.()'

interface Replica {
  name: string
  doc: Y.Doc
  fragment: Y.XmlFragment
}

function replicaOf(name: string, state: Uint8Array): Replica {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return { name, doc, fragment: doc.getXmlFragment(ARTICLE_FIELD) }
}

/** Every Y.XmlText of the fragment, in document order. */
function texts(fragment: Y.XmlFragment): Y.XmlText[] {
  const found: Y.XmlText[] = []
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) found.push(child)
      else if (child instanceof Y.XmlElement) walk(child)
    }
  }
  walk(fragment)
  return found
}

function isAncestor(ancestor: unknown, node: Y.XmlText): boolean {
  for (let current = node.parent; current !== null; current = current.parent) {
    if (current === ancestor) return true
  }
  return false
}

function randomText(random: SeededRandom): string {
  return Array.from({ length: random.int(1, 5) }, () => random.pick([...LETTERS])).join('')
}

/** Where the anchor's passage lies in one replica: its text and the indexes in it, if alive. */
function passageIn(replica: Replica, anchor: Anchor) {
  const locate = (encoded: string) => {
    const rel = decodeRelativePosition(encoded)
    return rel && Y.createAbsolutePositionFromRelativePosition(rel, replica.doc)
  }
  const start = locate(anchor.start)
  const end = locate(anchor.end)
  if (start === null || end === null || start.type !== end.type) return null
  if (!(start.type instanceof Y.XmlText) || start.type._item?.deleted) return null
  return { text: start.type, start: start.index, end: end.index }
}

/**
 * One random edit; returns whether it reached inside the passage (an insert strictly inside it,
 * a delete of any of its characters, or its whole block removed).
 */
function randomEdit(random: SeededRandom, replica: Replica, anchor: Anchor): boolean {
  const passage = passageIn(replica, anchor)
  const all = texts(replica.fragment)
  if (random.chance(0.05)) {
    const blocks = replica.fragment.toArray()
    const at = random.int(0, blocks.length - 1)
    if (random.chance(0.5)) {
      const block = blocks[at]
      replica.fragment.delete(at, 1)
      return passage !== null && block !== undefined && isAncestor(block, passage.text)
    }
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(randomText(random))])
    replica.fragment.insert(at, [paragraph])
    return false
  }
  const nearPassage = passage !== null && random.chance(0.7)
  const text = nearPassage ? passage.text : random.pick(all)
  const length = text.length
  let index = random.int(0, length)
  if (nearPassage) {
    // Near the passage, edits cluster on its edges, where bugs live, mostly just outside them.
    const atStart = random.chance(0.5)
    const outward = atStart ? -random.int(0, 3) : random.int(0, 3)
    const offset = random.chance(0.8) ? outward : random.int(-3, 3)
    index = Math.min(length, Math.max(0, (atStart ? passage.start : passage.end) + offset))
  }
  if (random.chance(0.6) || length === 0) {
    text.insert(index, randomText(random))
    return passage !== null && text === passage.text && index > passage.start && index < passage.end
  }
  const from = Math.min(index, length - 1)
  const count = Math.min(random.int(1, 4), length - from)
  text.delete(from, count)
  return (
    passage !== null && text === passage.text && from < passage.end && from + count > passage.start
  )
}

function newAnchor(random: SeededRandom, replica: Replica): Anchor | null {
  const candidates = texts(replica.fragment).filter((text) => text.length >= 12)
  const text = random.pick(candidates)
  const start = random.int(0, text.length - 2)
  const end = Math.min(text.length, start + random.int(1, 40))
  const pos = (index: number): number | null =>
    pmPosFromRelativePosition(
      replica.doc,
      replica.fragment,
      Y.createRelativePositionFromTypeIndex(text, index),
    )
  const from = pos(start)
  const to = pos(end)
  if (from === null || to === null) throw new Error('a live text must resolve')
  const index = indexOfFragment(replica.fragment)
  return createAnchor({ fragment: replica.fragment, index, articleHash: 'h', from, to })
}

function resolveIn(replica: Replica, anchor: Anchor, index = indexOfFragment(replica.fragment)) {
  const resolution = resolveAnchor({ doc: replica.doc, fragment: replica.fragment, index, anchor })
  const text =
    resolution.status === 'anchored'
      ? index.text.slice(index.textOffsetAt(resolution.from), index.textOffsetAt(resolution.to))
      : null
  return { resolution, text, size: index.size }
}

function checkResolution(resolution: AnchorResolution, size: number): void {
  if (resolution.status !== 'anchored') return
  expect(resolution.from).toBeLessThan(resolution.to)
  expect(resolution.to).toBeLessThanOrEqual(size)
}

describe('anchors under concurrent edits from two replicas', () => {
  it(`hold their passage through ${ROUNDS} randomised rounds`, () => {
    const random = seededRandom(20_260_611)
    const { doc: origin } = seededArticleDoc(excerpt)
    const state = Y.encodeStateAsUpdate(origin)
    const a = replicaOf('a', state)
    const b = replicaOf('b', state)
    const aThenB = replicaOf('a-then-b', state)
    const bThenA = replicaOf('b-then-a', state)
    const replicas = [a, b, aThenB, bThenA]
    const anchors: Anchor[] = []
    let untouchedRounds = 0

    for (let round = 0; round < ROUNDS; round++) {
      const anchor = newAnchor(random, random.chance(0.5) ? a : b)
      if (anchor === null) continue
      anchors.push(anchor)
      const before = Y.encodeStateVector(a.doc)
      let touched = false
      for (const editor of [a, b]) {
        for (let edits = random.int(1, 4); edits > 0; edits--) {
          touched = randomEdit(random, editor, anchor) || touched
        }
      }
      const fromA = Y.encodeStateAsUpdate(a.doc, before)
      const fromB = Y.encodeStateAsUpdate(b.doc, before)
      Y.applyUpdate(aThenB.doc, fromA)
      Y.applyUpdate(aThenB.doc, fromB)
      Y.applyUpdate(bThenA.doc, fromB)
      Y.applyUpdate(bThenA.doc, fromA)
      Y.applyUpdate(a.doc, fromB)
      Y.applyUpdate(b.doc, fromA)

      const content = a.fragment.toString()
      const results = replicas.map((replica) => {
        expect(replica.fragment.toString(), `round ${round}, ${replica.name}`).toBe(content)
        return resolveIn(replica, anchor)
      })
      for (const result of results) {
        expect(result.resolution, `round ${round}`).toEqual(results[0]!.resolution)
        checkResolution(result.resolution, result.size)
      }
      if (!touched) {
        untouchedRounds++
        expect(results[0]!.resolution.status, `round ${round}`).toBe('anchored')
        expect(results[0]!.text, `round ${round}`).toBe(anchor.quote.exact)
      }
    }
    // Every anchor of the run, most of them edited around many times since: whatever each
    // resolves to now, it is the same on every replica, and nothing throws.
    const indexes = replicas.map((replica) => indexOfFragment(replica.fragment))
    for (const old of anchors) {
      const [first, ...rest] = replicas.map((replica, i) => resolveIn(replica, old, indexes[i]))
      checkResolution(first!.resolution, first!.size)
      for (const other of rest) expect(other.resolution).toEqual(first!.resolution)
    }
    // Enough passages must come through untouched for the per-round check to mean much.
    expect(untouchedRounds).toBeGreaterThan(ROUNDS / 5)
  })
})
