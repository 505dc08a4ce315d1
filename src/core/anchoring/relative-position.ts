import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { LEAF_NODE_TYPES } from './leaf-node-types'

/*
 * ProseMirror positions <-> Y.RelativePositions in the article's Y.XmlFragment, counted as
 * y-prosemirror lays the document out: a Y.XmlElement per node (1 to enter, its children, 1 to
 * leave; 1 in all for a leaf), a Y.XmlText per run of text inside a textblock (its length). As
 * y-prosemirror's `absolutePositionToRelativePosition` does, a position at the edge of a text run
 * goes into the text, so it follows the characters; only positions between blocks point at an
 * element. Unlike it, this needs no editor binding: sizes come from the Y structure itself.
 */

type XmlContainer = Y.XmlFragment | Y.XmlElement
type XmlChild = Y.XmlElement | Y.XmlText

/**
 * Which way a position leans when text is inserted exactly there: `0` (or more) keeps it before
 * the character that followed it, `-1` after the character that preceded it. A range's start
 * takes 0 and its end -1, so text typed at either edge stays outside the range.
 */
export type Assoc = number

/**
 * The relative position for a document position.
 * @throws RangeError when `pos` is not a position in the fragment's document.
 */
export function relativePositionFromPmPos(
  fragment: Y.XmlFragment,
  pos: number,
  assoc: Assoc = 0,
): Y.RelativePosition {
  if (!Number.isInteger(pos) || pos < 0) throw new RangeError(`not a document position: ${pos}`)
  const { type, index } = locate(fragment, pos)
  return Y.createRelativePositionFromTypeIndex(type, index, assoc)
}

function locate(
  container: XmlContainer,
  pos: number,
): { type: XmlContainer | Y.XmlText; index: number } {
  let index = 0
  for (const child of container.toArray()) {
    if (child instanceof Y.XmlText) {
      if (pos <= child.length) return { type: child, index: pos }
      pos -= child.length
    } else if (child instanceof Y.XmlElement) {
      if (pos === 0) return { type: container, index }
      const size = nodeSize(child)
      if (pos < size) return locate(child, pos - 1)
      pos -= size
    }
    index++
  }
  if (pos === 0) return { type: container, index }
  throw new RangeError('position past the end of the document')
}

/** Why a relative position gives no document position. */
export type UnresolvedReason =
  /** What it pointed at was deleted (and garbage-collected, or its block removed). */
  | 'deleted'
  /** It points into content this document has never held, or outside the fragment. */
  | 'unknown'

export type PmPosResolution = { pos: number } | { unresolved: UnresolvedReason }

/**
 * The document position of a relative position now; never throws. With a `layout` of the
 * fragment's current state, a lookup replaces a walk of the document.
 */
export function resolvePmPos(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  rel: Y.RelativePosition,
  layout?: FragmentLayout,
): PmPosResolution {
  const target = rel.item ?? rel.type
  if (target !== null && Y.getState(doc.store, target.client) <= target.clock) {
    return { unresolved: 'unknown' }
  }
  // Resolving a root type by name would create it in the document: only our fragment's name.
  if (target === null && (rel.tname === null || rel.tname !== rootName(fragment))) {
    return { unresolved: 'unknown' }
  }
  let absolute: Y.AbsolutePosition | null
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(rel, doc)
  } catch {
    return { unresolved: 'unknown' }
  }
  if (absolute === null) return { unresolved: 'deleted' }
  const { type, index } = absolute
  if (type instanceof Y.XmlText) {
    const before = layout?.before.get(type) ?? startOf(fragment, type)
    if (typeof before !== 'number') return { unresolved: before }
    return { pos: before + Math.min(index, type.length) }
  }
  const boundaries = layout?.childBoundaries.get(type as XmlContainer)
  if (boundaries !== undefined) return { pos: boundaries[Math.min(index, boundaries.length - 1)]! }
  let pos = 0
  if (type instanceof Y.XmlElement) {
    const before = startOf(fragment, type)
    if (typeof before !== 'number') return { unresolved: before }
    pos = before + 1
  } else if (type !== fragment) {
    return { unresolved: 'unknown' }
  }
  let child = (type as XmlContainer).firstChild
  for (let i = 0; i < index && child !== null; i++) {
    pos += nodeSize(child)
    child = child.nextSibling
  }
  return { pos }
}

/**
 * Where every live node of the fragment starts, measured in one walk, so that resolving thousands
 * of positions costs a lookup each. Valid until the fragment next changes, like a text index.
 */
export interface FragmentLayout {
  /** The position just before each node. */
  readonly before: ReadonlyMap<XmlChild, number>
  /** For each container, the position before each child and, last, the end of its content. */
  readonly childBoundaries: ReadonlyMap<XmlContainer, readonly number[]>
}

export function measureFragment(fragment: Y.XmlFragment): FragmentLayout {
  const before = new Map<XmlChild, number>()
  const childBoundaries = new Map<XmlContainer, number[]>()
  /** Measures a container whose content starts at `pos`; returns where its content ends. */
  const measure = (container: XmlContainer, pos: number): number => {
    const boundaries: number[] = []
    for (const child of container.toArray()) {
      boundaries.push(pos)
      if (child instanceof Y.XmlText) {
        before.set(child, pos)
        pos += child.length
      } else if (child instanceof Y.XmlElement) {
        before.set(child, pos)
        pos = LEAF_NODE_TYPES.has(child.nodeName) ? pos + 1 : measure(child, pos + 1) + 1
      }
    }
    boundaries.push(pos)
    childBoundaries.set(container, boundaries)
    return pos
  }
  measure(fragment, 0)
  return { before, childBoundaries }
}

/** `resolvePmPos`, null when the position no longer resolves. */
export function pmPosFromRelativePosition(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  rel: Y.RelativePosition,
): number | null {
  const resolved = resolvePmPos(doc, fragment, rel)
  return 'pos' in resolved ? resolved.pos : null
}

/** The document position just before a node of the fragment. */
function startOf(fragment: Y.XmlFragment, node: XmlChild): number | UnresolvedReason {
  let pos = 0
  let current: XmlChild = node
  for (;;) {
    if (current._item === null) return 'unknown'
    if (current._item.deleted) return 'deleted'
    for (let sibling = current.prevSibling; sibling !== null; sibling = sibling.prevSibling) {
      pos += nodeSize(sibling)
    }
    const parent = current.parent
    if (parent === fragment) return pos
    if (!(parent instanceof Y.XmlElement)) return 'unknown'
    pos += 1
    current = parent
  }
}

function nodeSize(node: XmlChild): number {
  if (node instanceof Y.XmlText) return node.length
  // y-prosemirror writes nothing else, but a hook from elsewhere would have no ProseMirror node.
  if (!(node instanceof Y.XmlElement)) return 0
  if (LEAF_NODE_TYPES.has(node.nodeName)) return 1
  let size = 2
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    size += nodeSize(child)
  }
  return size
}

function rootName(fragment: Y.XmlFragment): string | null {
  return fragment._item === null ? Y.findRootTypeKey(fragment) : null
}

/** Base64 of `Y.encodeRelativePosition`, for storing in an annotation. */
export function encodeRelativePosition(rel: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(rel))
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * Decoded positions by their encoding. Every change to any annotation re-anchors all of them, and
 * with thousands in a seminar decoding (checked by re-encoding) was most of that work. Bounded so
 * that a long session cannot grow it without limit; positions are never mutated, so sharing one
 * is safe.
 */
const decoded = new Map<string, Y.RelativePosition | null>()
const DECODED_LIMIT = 50_000

/** The inverse of `encodeRelativePosition`; null for anything it would not have written. */
export function decodeRelativePosition(encoded: string): Y.RelativePosition | null {
  const known = decoded.get(encoded)
  if (known !== undefined) return known
  if (decoded.size >= DECODED_LIMIT) decoded.clear()
  const rel = decodeUncached(encoded)
  decoded.set(encoded, rel)
  return rel
}

function decodeUncached(encoded: string): Y.RelativePosition | null {
  if (encoded === '' || !BASE64.test(encoded)) return null
  try {
    const bytes = fromBase64(encoded)
    const rel = Y.decodeRelativePosition(bytes)
    // Decoding is lenient with trailing or truncated bytes; a true encoding round-trips.
    return sameBytes(Y.encodeRelativePosition(rel), bytes) ? rel : null
  } catch {
    return null
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
