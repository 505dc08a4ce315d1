import { Editor, type JSONContent } from '@tiptap/core'
import { Fragment, Slice } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import type { Decoration, DecorationSet } from '@tiptap/pm/view'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { articleExtensions } from '../article-extensions'
import { textRange } from '../selection-range/text-position.test-support'
import { AnnotationHighlights, type AnnotationHighlightsOptions } from './annotation-highlights'
import type { HighlightRange } from './highlight-range'
import { adjacentHighlightId, highlightExtents, highlightIdAt } from './highlight-lookup'
import { annotationHighlightsKey, highlightsState } from './highlights-state'

const content: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'المبحث الاول' }] },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'يعد الملحق العسكري (Military Attaché) هو اللاعب الرئيسي' }],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Defence diplomacy and security.' }] },
  ],
}

const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function makeEditor(options: Partial<AnnotationHighlightsOptions> = {}, editable = true): Editor {
  const editor = new Editor({
    extensions: [...articleExtensions(), AnnotationHighlights.configure(options)],
    content,
    editable,
  })
  // Unmounted (there is no DOM here), the editor's state has no plugins yet; install them the
  // way mounting does.
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }))
  editors.push(editor)
  return editor
}

function range(editor: Editor, text: string, extra: Partial<HighlightRange> = {}): HighlightRange {
  return {
    id: text,
    color: 'yellow',
    kind: 'highlight',
    ...textRange(editor.state.doc, text),
    ...extra,
  }
}

function decorations(editor: Editor): Decoration[] {
  return highlightsState(editor.state)
    .decorations.find()
    .sort((a, b) => a.from - b.from)
}

/** The rendered attributes, which `Decoration` keeps on its (untyped) `type`. */
function attrsOf(decoration: Decoration): Record<string, string> {
  return (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs
}

function plugin(editor: Editor) {
  const found = annotationHighlightsKey.get(editor.state)
  if (!found) throw new Error('plugin missing')
  return found
}

function keydown(
  editor: Editor,
  init: Partial<KeyboardEvent>,
): { handled: boolean; prevented: boolean } {
  let prevented = false
  const event = {
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    preventDefault: () => {
      prevented = true
    },
    ...init,
  } as unknown as KeyboardEvent
  const handler = plugin(editor).props.handleDOMEvents?.keydown
  const handled = handler?.call(plugin(editor), editor.view, event) === true
  return { handled, prevented }
}

function click(editor: Editor, pos: number, init: Partial<MouseEvent> = {}): boolean {
  const event = { button: 0, shiftKey: false, ...init } as unknown as MouseEvent
  return plugin(editor).props.handleClick?.call(plugin(editor), editor.view, pos, event) === true
}

function select(editor: Editor, from: number, to: number): void {
  editor.view.dispatch(
    editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)),
  )
}

describe('AnnotationHighlights', () => {
  it('renders each range as an inline decoration carrying its id, colour, kind and author', () => {
    const editor = makeEditor()
    editor.commands.setAnnotationHighlights([
      range(editor, 'الملحق', { color: 'green', authorIndex: 2 }),
      range(editor, 'Defence', { kind: 'comment', resolved: true, color: 'blue' }),
    ])
    const [first, second] = decorations(editor)
    expect(first && { from: first.from, to: first.to }).toEqual(
      textRange(editor.state.doc, 'الملحق'),
    )
    expect(first && attrsOf(first)).toEqual({
      nodeName: 'span',
      class: 'hl hl-green',
      'data-annotation-id': 'الملحق',
      'data-author': '2',
    })
    expect(second && attrsOf(second)).toEqual({
      nodeName: 'span',
      class: 'hl hl-blue hl-comment hl-resolved',
      'data-annotation-id': 'Defence',
    })
  })

  it('keeps the decorations that did not change, and the whole set when nothing did', () => {
    const editor = makeEditor()
    const ranges = [range(editor, 'الملحق'), range(editor, 'Defence')]
    editor.commands.setAnnotationHighlights(ranges)
    const before = highlightsState(editor.state).decorations
    const [kept] = decorations(editor)
    editor.commands.setAnnotationHighlights(ranges.map((each) => ({ ...each })))
    expect(highlightsState(editor.state).decorations).toBe(before)

    editor.commands.setAnnotationHighlights([
      ranges[0]!,
      range(editor, 'Defence', { color: 'pink' }),
      range(editor, 'security'),
    ])
    const after = decorations(editor)
    // `find` hands out copies; what is kept is the decoration's type, which holds its attrs.
    const typeOf = (decoration: Decoration | undefined) =>
      (decoration as unknown as { type: unknown } | undefined)?.type
    expect(typeOf(after[0])).toBe(typeOf(kept))
    expect(after.map((d) => attrsOf(d).class)).toEqual([
      'hl hl-yellow',
      'hl hl-pink',
      'hl hl-yellow',
    ])
  })

  it('dispatches nothing when nothing would change, so it never resets a selection being made', () => {
    const editor = makeEditor()
    const ranges = [range(editor, 'الملحق'), range(editor, 'Defence')]
    editor.commands.setAnnotationHighlights(ranges)
    editor.commands.setActiveAnnotation(ranges[0]!.id)
    let transactions = 0
    editor.on('transaction', () => transactions++)
    editor.commands.setAnnotationHighlights(ranges.map((each) => ({ ...each })))
    editor.commands.setActiveAnnotation(ranges[0]!.id)
    expect(transactions).toBe(0)
    editor.commands.setActiveAnnotation(null)
    editor.commands.setAnnotationHighlights(ranges.slice(1))
    expect(transactions).toBe(2)
    expect(decorations(editor)).toHaveLength(1)
  })

  it('replaces the previous highlights on each call', () => {
    const editor = makeEditor()
    editor.commands.setAnnotationHighlights([range(editor, 'الملحق'), range(editor, 'Defence')])
    editor.commands.setAnnotationHighlights([range(editor, 'security')])
    expect(decorations(editor).map((d) => attrsOf(d)['data-annotation-id'])).toEqual(['security'])
  })

  it('covers a range spanning a heading and paragraphs in every block it touches', () => {
    const editor = makeEditor()
    const doc = editor.state.doc
    const from = textRange(doc, 'الاول').from
    const to = textRange(doc, 'Defence').to
    editor.commands.setAnnotationHighlights([
      { id: 'wide', from, to, color: 'pink', kind: 'comment' },
    ])
    // What the view draws inside each block: the decorations it hands down to that child.
    const { decorations: set } = highlightsState(editor.state)
    const perBlock: { from: number; to: number }[] = []
    doc.forEach((block, offset) => {
      const inBlock = (set.forChild(offset, block) as DecorationSet).find()
      for (const piece of inBlock) {
        expect(attrsOf(piece)['data-annotation-id']).toBe('wide')
        perBlock.push({ from: piece.from + offset + 1, to: piece.to + offset + 1 })
      }
    })
    const heading = doc.child(0)
    const paragraph = doc.child(1)
    expect(perBlock).toEqual([
      { from, to: heading.nodeSize - 1 },
      { from: heading.nodeSize + 1, to: heading.nodeSize + paragraph.nodeSize - 1 },
      { from: heading.nodeSize + paragraph.nodeSize + 1, to },
    ])
    expect(highlightExtents(editor.state)).toEqual([{ id: 'wide', from, to }])
  })

  it('leaves out ranges that do not fit the document', () => {
    const editor = makeEditor()
    const size = editor.state.doc.content.size
    editor.commands.setAnnotationHighlights([
      { id: 'empty', from: 5, to: 5, color: 'yellow', kind: 'highlight' },
      { id: 'reversed', from: 9, to: 5, color: 'yellow', kind: 'highlight' },
      { id: 'past-end', from: 5, to: size + 3, color: 'yellow', kind: 'highlight' },
      { id: 'fraction', from: 1.5, to: 4, color: 'yellow', kind: 'highlight' },
      range(editor, 'هو'),
    ])
    expect(decorations(editor).map((d) => attrsOf(d)['data-annotation-id'])).toEqual(['هو'])
  })

  it('emphasises the active annotation only, and moves the emphasis', () => {
    const editor = makeEditor()
    const wide = {
      id: 'wide',
      ...textRange(editor.state.doc, 'المبحث'),
      to: textRange(editor.state.doc, 'يعد').to,
      color: 'yellow' as const,
      kind: 'highlight' as const,
    }
    editor.commands.setAnnotationHighlights([wide, range(editor, 'Defence')])
    editor.commands.setActiveAnnotation('wide')
    const classes = () =>
      decorations(editor).map((d) => [attrsOf(d)['data-annotation-id'], attrsOf(d).class])
    expect(classes()).toEqual([
      ['wide', 'hl hl-yellow hl-active'],
      ['Defence', 'hl hl-yellow'],
    ])
    editor.commands.setActiveAnnotation('Defence')
    expect(classes()).toEqual([
      ['wide', 'hl hl-yellow'],
      ['Defence', 'hl hl-yellow hl-active'],
    ])
    expect(highlightExtents(editor.state).map(({ id }) => id)).toEqual(['wide', 'Defence'])
    editor.commands.setActiveAnnotation(null)
    expect(classes().every(([, cls]) => cls === 'hl hl-yellow')).toBe(true)
  })

  it('keeps the active annotation across a new set of ranges', () => {
    const editor = makeEditor()
    editor.commands.setActiveAnnotation('Defence')
    editor.commands.setAnnotationHighlights([range(editor, 'Defence'), range(editor, 'هو')])
    expect(decorations(editor).map((d) => attrsOf(d).class)).toEqual([
      'hl hl-yellow',
      'hl hl-yellow hl-active',
    ])
  })

  it('does not put highlight changes in the undo history', () => {
    const editor = makeEditor()
    const seen: unknown[] = []
    editor.on('transaction', ({ transaction }) => seen.push(transaction.getMeta('addToHistory')))
    editor.commands.setAnnotationHighlights([range(editor, 'هو')])
    editor.commands.setActiveAnnotation('هو')
    expect(seen).toEqual([false, false])
  })

  it('works in a read-only editor', () => {
    const editor = makeEditor({}, false)
    expect(editor.isEditable).toBe(false)
    editor.commands.setAnnotationHighlights([range(editor, 'هو')])
    editor.commands.setActiveAnnotation('هو')
    expect(decorations(editor).map((d) => attrsOf(d).class)).toEqual(['hl hl-yellow hl-active'])
  })
})

describe('highlights follow edits until the app recomputes them', () => {
  function setUp() {
    const editor = makeEditor()
    const target = textRange(editor.state.doc, 'العسكري')
    editor.commands.setAnnotationHighlights([range(editor, 'العسكري')])
    const extent = () => highlightExtents(editor.state)[0]
    return { editor, target, extent }
  }

  it('moves with text inserted before it', () => {
    const { editor, target, extent } = setUp()
    editor.view.dispatch(editor.state.tr.insertText('ال', textRange(editor.state.doc, 'يعد').from))
    expect(extent()).toEqual({ id: 'العسكري', from: target.from + 2, to: target.to + 2 })
  })

  it('grows with text inserted inside it, but not with text typed at its ends', () => {
    const { editor, target, extent } = setUp()
    editor.view.dispatch(editor.state.tr.insertText('ـ', target.from + 3))
    expect(extent()).toEqual({ id: 'العسكري', from: target.from, to: target.to + 1 })
    editor.view.dispatch(editor.state.tr.insertText('x', target.to + 1))
    editor.view.dispatch(editor.state.tr.insertText('y', target.from))
    expect(extent()).toEqual({ id: 'العسكري', from: target.from + 1, to: target.to + 2 })
  })

  it('disappears when its text is deleted', () => {
    const { editor, target, extent } = setUp()
    editor.view.dispatch(editor.state.tr.delete(target.from - 1, target.to + 1))
    expect(extent()).toBeUndefined()
  })

  it('survives a whole-document replacement as y-prosemirror applies remote changes', () => {
    const { editor, target, extent } = setUp()
    const before = editor.state.doc
    const insertAt = textRange(before, 'الملحق').from
    const edited = before.replace(
      insertAt,
      insertAt,
      new Slice(Fragment.from(before.type.schema.text('و')), 0, 0),
    )
    editor.view.dispatch(
      editor.state.tr.replace(0, before.content.size, new Slice(edited.content, 0, 0)),
    )
    expect(editor.state.doc.textContent).toContain('والملحق')
    expect(extent()).toEqual({ id: 'العسكري', from: target.from + 1, to: target.to + 1 })
  })
})

describe('highlightIdAt', () => {
  it('picks the innermost of overlapping highlights, and null outside any', () => {
    const editor = makeEditor()
    const doc = editor.state.doc
    const outer = { ...textRange(doc, 'الملحق العسكري (Military'), id: 'outer' }
    const inner = { ...textRange(doc, 'العسكري'), id: 'inner' }
    editor.commands.setAnnotationHighlights([
      { ...outer, color: 'yellow', kind: 'comment' },
      { ...inner, color: 'blue', kind: 'highlight' },
    ])
    expect(highlightIdAt(editor.state, inner.from + 2)).toBe('inner')
    expect(highlightIdAt(editor.state, outer.from + 2)).toBe('outer')
    expect(highlightIdAt(editor.state, outer.to - 2)).toBe('outer')
    // At the inner one's start, only the outer one contains the position strictly.
    expect(highlightIdAt(editor.state, inner.from)).toBe('outer')
    expect(highlightIdAt(editor.state, textRange(doc, 'Defence').from + 1)).toBeNull()
  })

  it('prefers a short highlight over a long one it sits inside, even across blocks', () => {
    const editor = makeEditor()
    const doc = editor.state.doc
    const wide = { from: textRange(doc, 'المبحث').from, to: textRange(doc, 'security').to }
    const word = textRange(doc, 'Defence')
    editor.commands.setAnnotationHighlights([
      { id: 'word', ...word, color: 'pink', kind: 'highlight' },
      { id: 'wide', ...wide, color: 'yellow', kind: 'highlight' },
    ])
    expect(highlightIdAt(editor.state, word.from + 1)).toBe('word')
    expect(highlightIdAt(editor.state, textRange(doc, 'الاول').from)).toBe('wide')
  })

  it('is what a click reports, without taking the click over', () => {
    const onAnnotationClick = vi.fn<(id: string) => void>()
    const editor = makeEditor({ onAnnotationClick }, false)
    const word = textRange(editor.state.doc, 'الرئيسي')
    editor.commands.setAnnotationHighlights([range(editor, 'الرئيسي')])
    expect(click(editor, word.from + 1)).toBe(false)
    expect(onAnnotationClick).toHaveBeenCalledWith('الرئيسي')
    click(editor, word.from + 1, { shiftKey: true })
    click(editor, textRange(editor.state.doc, 'Defence').from)
    expect(onAnnotationClick).toHaveBeenCalledTimes(1)
  })
})

describe('adjacentHighlightId', () => {
  function setUp() {
    const editor = makeEditor()
    editor.commands.setAnnotationHighlights([
      range(editor, 'security'),
      range(editor, 'الاول'),
      range(editor, 'هو'),
    ])
    return editor
  }

  it('steps through highlights in document order from the active one, wrapping around', () => {
    const editor = setUp()
    editor.commands.setActiveAnnotation('الاول')
    expect(adjacentHighlightId(editor.state, 1)).toBe('هو')
    expect(adjacentHighlightId(editor.state, -1)).toBe('security')
    editor.commands.setActiveAnnotation('security')
    expect(adjacentHighlightId(editor.state, 1)).toBe('الاول')
  })

  it('starts from the selection when none is active', () => {
    const editor = setUp()
    const at = textRange(editor.state.doc, 'الملحق').from
    select(editor, at, at)
    expect(adjacentHighlightId(editor.state, 1)).toBe('هو')
    expect(adjacentHighlightId(editor.state, -1)).toBe('الاول')
  })

  it('is null with no highlights', () => {
    expect(adjacentHighlightId(makeEditor().state, 1)).toBeNull()
  })
})

describe('keyboard shortcuts', () => {
  it('passes the trimmed selection to the highlight and comment callbacks', () => {
    const onHighlightShortcut = vi.fn(() => true)
    const onCommentShortcut = vi.fn(() => true)
    const editor = makeEditor({ onHighlightShortcut, onCommentShortcut }, false)
    const word = textRange(editor.state.doc, 'الملحق')
    select(editor, word.from, word.to + 1)
    expect(keydown(editor, { key: 'H', keyCode: 72, ctrlKey: true, shiftKey: true })).toEqual({
      handled: true,
      prevented: true,
    })
    expect(onHighlightShortcut).toHaveBeenCalledWith(word)
    // An Arabic keyboard layout reports the letter on the key; the key code still says "m".
    expect(keydown(editor, { key: 'ة', keyCode: 77, ctrlKey: true, altKey: true }).handled).toBe(
      true,
    )
    expect(onCommentShortcut).toHaveBeenCalledWith(word)
  })

  it('moves to the next and previous annotation', () => {
    const onNextAnnotation = vi.fn(() => true)
    const editor = makeEditor({ onNextAnnotation })
    keydown(editor, { key: 'ArrowDown', keyCode: 40, altKey: true })
    keydown(editor, { key: 'ArrowUp', keyCode: 38, altKey: true })
    expect(onNextAnnotation.mock.calls).toEqual([[1], [-1]])
  })

  it('lets a key go when its callback declines it or there is none', () => {
    const editor = makeEditor({ onHighlightShortcut: () => false })
    expect(keydown(editor, { key: 'H', keyCode: 72, ctrlKey: true, shiftKey: true })).toEqual({
      handled: false,
      prevented: false,
    })
    expect(keydown(editor, { key: 'ArrowDown', keyCode: 40, altKey: true }).handled).toBe(false)
    expect(keydown(editor, { key: 'h', keyCode: 72, ctrlKey: true }).handled).toBe(false)
  })
})
