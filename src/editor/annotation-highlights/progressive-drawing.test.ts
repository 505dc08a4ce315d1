import { Editor, type JSONContent } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { articleExtensions } from '../article-extensions'
import { AnnotationHighlights } from './annotation-highlights'
import { blockAligned, DRAW_AT_ONCE, DRAW_SLICE, widenedRegion } from './drawn-region'
import type { HighlightRange } from './highlight-range'
import { highlightExtents, highlightIdAt } from './highlight-lookup'
import {
  drawnHighlights,
  highlightsChange,
  highlightsState,
  withActiveAnnotation,
  withComputedHighlights,
} from './highlights-state'
import { ProgressiveDrawing } from './progressive-drawing'

const BLOCKS = 60
const PER_BLOCK = 8
const WORDS = 'يعد الملحق العسكري اللاعب الرئيسي في الدبلوماسية الدفاعية Defence diplomacy'

const content: JSONContent = {
  type: 'doc',
  content: Array.from({ length: BLOCKS }, (_, i) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `${i} ${WORDS}` }],
  })),
}

const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function makeEditor(): Editor {
  const editor = new Editor({ extensions: [...articleExtensions(), AnnotationHighlights], content })
  // Unmounted (there is no DOM here): install the plugins the way mounting does.
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }))
  editors.push(editor)
  return editor
}

/** Where each paragraph's text starts. */
function blockStarts(editor: Editor): number[] {
  const starts: number[] = []
  editor.state.doc.forEach((_block, offset) => starts.push(offset + 1))
  return starts
}

function highlightIn(editor: Editor, block: number, i: number): HighlightRange {
  const start = blockStarts(editor)[block]!
  return {
    id: `b${block}-${i}`,
    from: start + i,
    to: start + i + 4,
    color: 'yellow',
    kind: 'highlight',
  }
}

/** `PER_BLOCK` short highlights in every paragraph: more than are drawn at once. */
function manyRanges(editor: Editor): HighlightRange[] {
  const ranges = Array.from({ length: BLOCKS }, (_, block) =>
    Array.from({ length: PER_BLOCK }, (_, i) => highlightIn(editor, block, i)),
  ).flat()
  expect(ranges.length).toBeGreaterThan(DRAW_AT_ONCE)
  return ranges
}

/** Sets the ranges as the command does while the reader looks at paragraphs `first`–`last`. */
function setSeeing(editor: Editor, ranges: HighlightRange[], first: number, last: number): void {
  const starts = blockStarts(editor)
  const visible = { from: starts[first]!, to: starts[last]! + 2 }
  const next = highlightsChange(editor.state, ranges)
  if (next) editor.view.dispatch(withComputedHighlights(editor.state.tr, ranges, next, visible))
}

function drawnIds(editor: Editor): string[] {
  return drawnHighlights(editor.state)
    .find()
    .map((decoration) => (decoration.spec as { annotationId: string }).annotationId)
}

function drawnBlocks(editor: Editor): number[] {
  const blocks = drawnIds(editor).flatMap((id) => {
    const block = /^b(\d+)-/.exec(id)?.[1]
    return block === undefined ? [] : [Number(block)]
  })
  return [...new Set(blocks)].sort((a, b) => a - b)
}

/** A drawing driven by hand: `run()` takes one step, as the next task would. */
function drivenDrawing(editor: Editor) {
  const queue: (() => void)[] = []
  const drawing = new ProgressiveDrawing(editor.view, (run) => {
    queue.push(run)
    return () => queue.splice(queue.indexOf(run), 1)
  })
  // What the view does after each transaction, then the task that was asked for.
  const run = () => {
    drawing.update()
    queue.shift()?.()
  }
  return { drawing, queue, run }
}

describe('progressive drawing of highlights', () => {
  it('draws a large first set from where the reader looks outwards, one slice per task', () => {
    const editor = makeEditor()
    const ranges = manyRanges(editor)
    const { queue, run } = drivenDrawing(editor)
    setSeeing(editor, ranges, 30, 31)

    expect(drawnBlocks(editor)).toEqual([30, 31])
    // What is not drawn yet is still there for clicks and next/previous.
    expect(highlightExtents(editor.state)).toHaveLength(ranges.length)
    expect(highlightIdAt(editor.state, highlightIn(editor, 2, 0).from + 1)).toBe('b2-0')

    let steps = 0
    let drawn = drawnIds(editor).length
    while (highlightsState(editor.state).drawing) {
      run()
      steps++
      const now = drawnIds(editor).length
      expect(now).toBeGreaterThan(drawn)
      // Each slice adds about a slice's worth, give or take a paragraph on either side.
      expect(now - drawn).toBeLessThanOrEqual(DRAW_SLICE + 2 * PER_BLOCK)
      const blocks = drawnBlocks(editor)
      // Always one unbroken run of paragraphs around the first screen.
      expect(blocks).toEqual(Array.from({ length: blocks.length }, (_, i) => blocks[0]! + i))
      expect(blocks).toContain(30)
      drawn = now
    }
    expect(steps).toBeGreaterThan(1)
    expect(steps).toBeLessThanOrEqual(Math.ceil(ranges.length / DRAW_SLICE) + 1)
    expect(queue).toHaveLength(0)
    expect(drawnHighlights(editor.state)).toBe(highlightsState(editor.state).decorations)
    expect(drawnIds(editor)).toHaveLength(ranges.length)
  })

  it('draws a small set, and one that adds few to those drawn, at once', () => {
    const editor = makeEditor()
    const ranges = manyRanges(editor)
    const some = ranges.length - DRAW_AT_ONCE
    setSeeing(editor, ranges.slice(0, some), 30, 31)
    expect(highlightsState(editor.state).drawing).toBeNull()
    setSeeing(editor, ranges, 30, 31)
    expect(highlightsState(editor.state).drawing).toBeNull()
    expect(drawnIds(editor)).toHaveLength(ranges.length)
  })

  it('draws a set that adds many to those drawn (the rest after the first screen’s) progressively', () => {
    const editor = makeEditor()
    const ranges = manyRanges(editor)
    const { run } = drivenDrawing(editor)
    // The first screen's few, drawn at once, then all of them.
    const firstScreen = ranges.filter((range) => /^b3[01]-/.test(range.id))
    setSeeing(editor, firstScreen, 30, 31)
    expect(highlightsState(editor.state).drawing).toBeNull()
    setSeeing(editor, ranges, 30, 31)

    expect(drawnBlocks(editor)).toEqual([30, 31])
    expect(highlightExtents(editor.state)).toHaveLength(ranges.length)
    while (highlightsState(editor.state).drawing) run()
    expect(drawnIds(editor)).toHaveLength(ranges.length)
  })

  it('keeps what it draws in step with new ranges, the active one and edits meanwhile', () => {
    const editor = makeEditor()
    const ranges = manyRanges(editor)
    setSeeing(editor, ranges, 30, 30)
    const inside = {
      ...highlightIn(editor, 30, 0),
      id: 'new-inside',
      to: highlightIn(editor, 30, 0).to + 2,
    }
    const outside = {
      ...highlightIn(editor, 5, 0),
      id: 'new-outside',
      to: highlightIn(editor, 5, 0).to + 2,
    }
    const changed = [...ranges.filter((range) => range.id !== 'b30-1'), inside, outside]
    setSeeing(editor, changed, 0, 0)
    // The drawing goes on where it was; a later "visible" does not restart it.
    expect(drawnBlocks(editor)).toEqual([30])
    expect(drawnIds(editor)).toContain('new-inside')
    expect(drawnIds(editor)).not.toContain('new-outside')
    expect(drawnIds(editor)).not.toContain('b30-1')

    editor.view.dispatch(withActiveAnnotation(editor.state.tr, 'b30-2'))
    const active = drawnHighlights(editor.state)
      .find()
      .filter((decoration) =>
        (decoration as unknown as { type: { attrs: { class: string } } }).type.attrs.class.includes(
          'hl-active',
        ),
      )
    expect(
      active.map((decoration) => (decoration.spec as { annotationId: string }).annotationId),
    ).toEqual(['b30-2'])

    // An edit before the drawn paragraph moves it; what is drawn moves with it.
    editor.view.dispatch(editor.state.tr.insertText('مقدمة ', 1))
    expect(drawnBlocks(editor)).toEqual([30])
    const piece = drawnHighlights(editor.state)
      .find()
      .find((decoration) => (decoration.spec as { annotationId: string }).annotationId === 'b30-2')!
    expect(editor.state.doc.textBetween(piece.from, piece.to)).toBe(`30 ${WORDS}`.slice(2, 6))
  })

  it('stops when the view goes away', () => {
    const editor = makeEditor()
    const { drawing, queue } = drivenDrawing(editor)
    setSeeing(editor, manyRanges(editor), 10, 10)
    drawing.update()
    expect(queue).toHaveLength(1)
    drawing.destroy()
    expect(queue).toHaveLength(0)
  })
})

describe('drawn regions', () => {
  it('are whole paragraphs, and grow outwards until the document is covered', () => {
    const editor = makeEditor()
    const { doc } = editor.state
    const starts = blockStarts(editor)
    const aligned = blockAligned(doc, { from: starts[3]! + 2, to: starts[4]! + 1 })
    expect(aligned).toEqual({ from: starts[3]! - 1, to: starts[5]! - 1 })
    const all = highlightsChange(editor.state, manyRanges(editor))!

    let region = blockAligned(doc, { from: 0, to: 0 })
    const seen: number[] = []
    while (region.from > 0 || region.to < doc.content.size) {
      const next = widenedRegion(doc, all, region, 20)
      expect(next.from).toBeLessThanOrEqual(region.from)
      expect(next.to).toBeGreaterThanOrEqual(region.to)
      expect(next).not.toEqual(region)
      seen.push(all.find(next.from, next.to).length)
      region = next
    }
    expect(seen.at(-1)).toBe(BLOCKS * PER_BLOCK)
  })
})
