import { Editor, type JSONContent } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { notebookExtensions, type NotebookExtensionsOptions } from '../notebook-extensions'
import { textRange } from '../selection-range/text-position.test-support'
import { annotationIdAt } from './annotation-id-at'
import { annotationQuoteClickKey } from './annotation-quote'
import { quoteTitles } from './quote-titles'

const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function makeEditor(content?: JSONContent, options: NotebookExtensionsOptions = {}): Editor {
  const editor = new Editor({
    extensions: notebookExtensions(options),
    // JSON, not the default empty string, which would need a DOM to parse.
    content: content ?? { type: 'doc', content: [{ type: 'paragraph' }] },
  })
  // Unmounted (there is no DOM here), the editor's state has no plugins yet; install them the
  // way mounting does.
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }))
  editors.push(editor)
  return editor
}

const paragraph = (text?: string): JSONContent => ({
  type: 'paragraph',
  attrs: { dir: 'auto' },
  ...(text ? { content: [{ type: 'text', text }] } : {}),
})

const quote = (
  annotationId: string | null,
  dir: string,
  ...content: JSONContent[]
): JSONContent => ({
  type: 'annotationQuote',
  attrs: { annotationId, dir },
  content,
})

function caretIn(editor: Editor, text: string): void {
  const at = textRange(editor.state.doc, text).from
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at)))
}

/** The text of the block holding the caret, and whether the caret is in an empty paragraph. */
function caretBlock(editor: Editor): { type: string; empty: boolean } {
  const { $from } = editor.state.selection
  return { type: $from.parent.type.name, empty: $from.parent.content.size === 0 }
}

describe('insertAnnotationQuote', () => {
  it('fills a new notebook with the quote and an empty paragraph holding the caret', () => {
    const editor = makeEditor()
    expect(
      editor.commands.insertAnnotationQuote({ annotationId: 'a1', text: 'يعد الملحق العسكري' }),
    ).toBe(true)
    expect(editor.getJSON().content).toEqual([
      quote('a1', 'auto', paragraph('يعد الملحق العسكري')),
      paragraph(),
    ])
    expect(caretBlock(editor)).toEqual({ type: 'paragraph', empty: true })
    expect(editor.state.selection.from).toBe(editor.state.doc.content.size - 1)
  })

  it('goes at the end of the notebook by default, wherever the caret is', () => {
    const editor = makeEditor({ type: 'doc', content: [paragraph('first'), paragraph('second')] })
    caretIn(editor, 'first')
    editor.commands.insertAnnotationQuote({ annotationId: 'a2', text: 'quoted' })
    expect(editor.getJSON().content).toEqual([
      paragraph('first'),
      paragraph('second'),
      quote('a2', 'auto', paragraph('quoted')),
      paragraph(),
    ])
  })

  it('goes after the block holding the caret when asked, keeping the text that follows', () => {
    const editor = makeEditor({ type: 'doc', content: [paragraph('first'), paragraph('second')] })
    caretIn(editor, 'irst')
    editor.commands.insertAnnotationQuote({ annotationId: 'a3', text: 'quoted', at: 'selection' })
    expect(editor.getJSON().content).toEqual([
      paragraph('first'),
      quote('a3', 'auto', paragraph('quoted')),
      paragraph(),
      paragraph('second'),
    ])
    expect(caretBlock(editor)).toEqual({ type: 'paragraph', empty: true })
  })

  it('takes the place of the empty paragraph the caret is in', () => {
    const editor = makeEditor({
      type: 'doc',
      content: [paragraph('first'), paragraph(), paragraph('second')],
    })
    const emptyAt = editor.state.doc.child(0).nodeSize + 1
    editor.view.dispatch(
      editor.state.tr.setSelection(TextSelection.create(editor.state.doc, emptyAt)),
    )
    editor.commands.insertAnnotationQuote({ annotationId: 'a4', text: 'quoted', at: 'selection' })
    expect(editor.getJSON().content).toEqual([
      paragraph('first'),
      quote('a4', 'auto', paragraph('quoted')),
      paragraph(),
      paragraph('second'),
    ])
  })

  it('keeps a quote top-level when the caret is inside another quote', () => {
    const editor = makeEditor({
      type: 'doc',
      content: [quote('old', 'auto', paragraph('earlier')), paragraph('after')],
    })
    caretIn(editor, 'earlier')
    editor.commands.insertAnnotationQuote({ annotationId: 'new', text: 'later', at: 'selection' })
    expect(editor.getJSON().content).toEqual([
      quote('old', 'auto', paragraph('earlier')),
      quote('new', 'auto', paragraph('later')),
      paragraph(),
      paragraph('after'),
    ])
  })

  it('splits a passage from several blocks into paragraphs and sets its direction', () => {
    const editor = makeEditor()
    editor.commands.insertAnnotationQuote({
      annotationId: 'a5',
      text: '١٩٩٠ المبحث الاول\r\n\r\nيعد الملحق\nالعسكري\n\n\n',
      dir: 'rtl',
    })
    const rtl = (...content: JSONContent[]): JSONContent => ({
      type: 'paragraph',
      attrs: { dir: 'rtl' },
      content,
    })
    expect(editor.getJSON().content?.[0]).toEqual(
      quote(
        'a5',
        'rtl',
        rtl({ type: 'text', text: '١٩٩٠ المبحث الاول' }),
        rtl(
          { type: 'text', text: 'يعد الملحق' },
          { type: 'hardBreak', attrs: { dir: 'auto' } },
          { type: 'text', text: 'العسكري' },
        ),
      ),
    )
  })

  it('holds an empty paragraph when the quoted text is blank', () => {
    const editor = makeEditor()
    editor.commands.insertAnnotationQuote({ annotationId: null, text: '  \n ' })
    expect(editor.getJSON().content).toEqual([quote(null, 'auto', paragraph()), paragraph()])
  })
})

describe('annotationQuote in HTML', () => {
  it('renders as a blockquote carrying the annotation id', () => {
    const editor = makeEditor()
    const type = editor.schema.nodes['annotationQuote']
    const node = type?.create(
      { annotationId: 'a1', dir: 'rtl' },
      editor.schema.nodes['paragraph']?.create(),
    )
    expect(node && type?.spec.toDOM?.(node)).toEqual([
      'blockquote',
      { 'data-annotation-id': 'a1', dir: 'rtl', 'data-type': 'annotation-quote' },
      0,
    ])
  })

  it('is parsed back, ahead of a plain blockquote', () => {
    const editor = makeEditor()
    const rules = (name: string) => editor.schema.nodes[name]?.spec.parseDOM ?? []
    const [rule] = rules('annotationQuote')
    const [plain] = rules('blockquote')
    expect(rule?.tag).toBe('blockquote[data-type="annotation-quote"]')
    expect(rule?.priority ?? 50).toBeGreaterThan(plain?.priority ?? 50)
    const attributes: Record<string, string> = { 'data-annotation-id': 'a9', dir: 'ltr' }
    const element = { getAttribute: (name: string) => attributes[name] ?? null } as HTMLElement
    expect(rule?.getAttrs?.(element)).toEqual({ annotationId: 'a9', dir: 'ltr' })
  })
})

describe('annotationIdAt and quote clicks', () => {
  const content: JSONContent = {
    type: 'doc',
    content: [
      paragraph('mine'),
      quote('a1', 'rtl', paragraph('يعد الملحق'), paragraph('العسكري')),
      quote(null, 'auto', paragraph('unlinked')),
    ],
  }

  it('finds the annotation of the quote around a position', () => {
    const editor = makeEditor(content)
    const { doc } = editor.state
    expect(annotationIdAt(editor.state, textRange(doc, 'الملحق').from)).toBe('a1')
    expect(annotationIdAt(editor.state, textRange(doc, 'العسكري').to)).toBe('a1')
    expect(annotationIdAt(editor.state, textRange(doc, 'mine').from)).toBeNull()
    expect(annotationIdAt(editor.state, textRange(doc, 'unlinked').from)).toBeNull()
    expect(annotationIdAt(editor.state, -1)).toBeNull()
    expect(annotationIdAt(editor.state, doc.content.size + 1)).toBeNull()
  })

  it('reports a click inside a linked quote and lets the caret land there', () => {
    const onQuoteClick = vi.fn<(annotationId: string) => void>()
    const editor = makeEditor(content, { onQuoteClick })
    const plugin = annotationQuoteClickKey.get(editor.state)
    const click = (pos: number, shiftKey = false) =>
      plugin?.props.handleClick?.call(plugin, editor.view, pos, {
        button: 0,
        shiftKey,
      } as MouseEvent)
    expect(click(textRange(editor.state.doc, 'الملحق').from + 1)).toBe(false)
    click(textRange(editor.state.doc, 'mine').from)
    click(textRange(editor.state.doc, 'unlinked').from)
    click(textRange(editor.state.doc, 'العسكري').from, true)
    expect(onQuoteClick.mock.calls).toEqual([['a1']])
  })

  it('follows the linked quote holding the caret, with Alt+Enter, and nothing else', () => {
    const onQuoteClick = vi.fn<(annotationId: string) => void>()
    const editor = makeEditor(content, { onQuoteClick })
    caretIn(editor, 'mine')
    expect(editor.commands.followAnnotationQuote()).toBe(false)
    caretIn(editor, 'unlinked')
    expect(editor.commands.followAnnotationQuote()).toBe(false)
    caretIn(editor, 'العسكري')
    expect(editor.can().followAnnotationQuote()).toBe(true)
    expect(onQuoteClick).not.toHaveBeenCalled()
    expect(editor.commands.followAnnotationQuote()).toBe(true)
    expect(onQuoteClick.mock.calls).toEqual([['a1']])
    // Bound to Alt+Enter, which leaves the quote as it was.
    const before = editor.getJSON()
    const altEnter = { key: 'Enter', keyCode: 13, altKey: true } as KeyboardEvent
    const handled = editor.state.plugins.some((plugin) =>
      plugin.props.handleKeyDown?.call(plugin, editor.view, altEnter),
    )
    expect(handled).toBe(true)
    expect(onQuoteClick.mock.calls).toEqual([['a1'], ['a1']])
    expect(editor.getJSON()).toEqual(before)
  })

  it('titles the linked quotes only, anew when the document or the title changes', () => {
    const editor = makeEditor(content)
    const titles = quoteTitles()
    const { doc } = editor.state
    const first = titles(doc, 'Alt+Enter')
    // The second block, the quote linked to a1; the unlinked one after it has no title.
    const linked = doc.child(0).nodeSize
    expect(first.find().map(({ from, to }) => [from, to])).toEqual([
      [linked, linked + doc.child(1).nodeSize],
    ])
    expect(titles(doc, 'Alt+Enter')).toBe(first)
    const second = titles(doc, 'اضغط Alt+Enter')
    expect(second).not.toBe(first)
    expect(titles(editor.state.tr.insertText('my ', 1).doc, 'اضغط Alt+Enter')).not.toBe(second)
  })
})
