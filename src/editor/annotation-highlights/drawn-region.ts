import type { Node as PMNode } from '@tiptap/pm/model'
import type { Mapping } from '@tiptap/pm/transform'
import { DecorationSet } from '@tiptap/pm/view'

/*
 * Opening an article with thousands of annotations made ProseMirror build tens of thousands of
 * nested highlight spans, and the browser lay them all out, before the reader could do anything.
 * A large set of highlights (the first, or one that adds as many at once: the rest of a seminar
 * after its first screen) is therefore drawn from where the reader is looking outwards, a slice
 * at a time, between which the page answers input. Lookups (click, next/previous,
 * extents) always use the whole set: only what the view draws is held back.
 */

/** Positions of the document whose highlights are drawn, from the start of a top-level block to the end of one. */
export interface DrawnRegion {
  from: number
  to: number
}

/** Highlights being drawn progressively: the region done so far and what it draws. */
export interface Drawing {
  region: DrawnRegion
  drawn: DecorationSet
}

/** A set that adds more highlights than this to those drawn is drawn progressively. */
export const DRAW_AT_ONCE = 400

/**
 * Roughly how many highlight pieces each slice adds. Overlapping highlights nest, so a piece is
 * several elements, and most of a slice's time is the browser styling them: with 4,800
 * annotations on two cores, slices of 100 leave a median long task of about 70 ms after the
 * first screen, where slices of 300 left about 95 ms, and no later finish.
 */
export const DRAW_SLICE = 100

/** The region widened to whole top-level blocks and clipped to the document. */
export function blockAligned(doc: PMNode, region: DrawnRegion): DrawnRegion {
  const size = doc.content.size
  const from = Math.max(0, Math.min(region.from, region.to, size))
  const to = Math.min(size, Math.max(region.from, region.to, 0))
  let start = 0
  let end = size
  let found = false
  doc.forEach((block, offset) => {
    const blockEnd = offset + block.nodeSize
    if (blockEnd <= from) start = blockEnd
    if (!found && blockEnd >= to) {
      end = blockEnd
      found = true
    }
  })
  return { from: start, to: Math.max(start, end) }
}

export function coversDocument(doc: PMNode, region: DrawnRegion): boolean {
  return region.from <= 0 && region.to >= doc.content.size
}

/** What the view draws of `all` while only `region` is done. */
export function drawnWithin(all: DecorationSet, doc: PMNode, region: DrawnRegion): DecorationSet {
  return DecorationSet.create(doc, all.find(region.from, region.to))
}

/** The drawing of `all` with `region` done, or null once that is the whole document. */
export function drawingOf(all: DecorationSet, doc: PMNode, region: DrawnRegion): Drawing | null {
  const aligned = blockAligned(doc, region)
  if (coversDocument(doc, aligned)) return null
  return { region: aligned, drawn: drawnWithin(all, doc, aligned) }
}

/** The drawing after an edit: its region follows the text it covered. */
export function mappedDrawing(
  drawing: Drawing,
  all: DecorationSet,
  doc: PMNode,
  mapping: Mapping,
): Drawing | null {
  const region = {
    from: mapping.map(drawing.region.from, -1),
    to: mapping.map(drawing.region.to, 1),
  }
  return drawingOf(all, doc, region)
}

/**
 * The next region to draw: `region` grown by whole blocks, after it and before it in turn, until
 * about `slice` more highlight pieces are in it or the document ends.
 */
export function widenedRegion(
  doc: PMNode,
  all: DecorationSet,
  region: DrawnRegion,
  slice = DRAW_SLICE,
): DrawnRegion {
  const blocks: { from: number; to: number }[] = []
  doc.forEach((block, offset) => blocks.push({ from: offset, to: offset + block.nodeSize }))
  let after = blocks.findIndex((block) => block.from >= region.to)
  let before = blocks.findLastIndex((block) => block.to <= region.from)
  let { from, to } = region
  let added = 0
  while (added < slice && (after !== -1 || before !== -1)) {
    if (after !== -1) {
      const block = blocks[after]!
      added += all.find(block.from + 1, block.to - 1).length
      to = block.to
      after = after + 1 < blocks.length ? after + 1 : -1
    }
    if (before !== -1 && added < slice) {
      const block = blocks[before]!
      added += all.find(block.from + 1, block.to - 1).length
      from = block.from
      before = before - 1
    }
  }
  return { from, to }
}
