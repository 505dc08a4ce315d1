import { Editor, getSchema } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { notebookExtensions } from './notebook-extensions'

const editors: Editor[] = []
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function makeEditor(...args: Parameters<typeof notebookExtensions>): Editor {
  const editor = new Editor({
    extensions: notebookExtensions(...args),
    // JSON, not the default empty string, which would need a DOM to parse.
    content: { type: 'doc', content: [{ type: 'paragraph' }] },
  })
  editors.push(editor)
  return editor
}

describe('notebookExtensions', () => {
  it('gives every block, quotes included, an automatic direction', () => {
    const schema = getSchema(notebookExtensions())
    for (const name of ['paragraph', 'heading', 'annotationQuote', 'blockquote', 'listItem']) {
      expect(schema.nodes[name]?.spec.attrs?.['dir']?.default).toBe('auto')
    }
  })

  it('leaves undo to Collaboration and adds no trailing paragraph of its own', () => {
    const editor = makeEditor()
    const names = editor.extensionManager.extensions.map((extension) => extension.name)
    expect(names).toContain('annotationQuote')
    expect(names).not.toContain('undoRedo')
    expect(names).not.toContain('trailingNode')
    editor.commands.setContent({
      type: 'doc',
      content: [{ type: 'annotationQuote', content: [{ type: 'paragraph' }] }],
    })
    expect(editor.state.doc.lastChild?.type.name).toBe('annotationQuote')
  })

  it('keeps only http, https and mailto links', () => {
    const editor = makeEditor()
    editor.commands.setContent({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a link here' }] }],
    })
    editor.commands.setTextSelection({ from: 1, to: 7 })
    expect(editor.commands.setLink({ href: 'javascript:alert(1)' })).toBe(false)
    expect(editor.commands.setLink({ href: 'data:text/html,<script>1</script>' })).toBe(false)
    expect(editor.commands.setLink({ href: 'mailto:someone@example.org' })).toBe(true)
    expect(editor.commands.setLink({ href: 'https://example.org/a' })).toBe(true)
    const link = editor.schema.marks['link']
    const forged = link?.create({ href: 'javascript:alert(1)' })
    const rendered = forged && link?.spec.toDOM?.(forged, true)
    expect(Array.isArray(rendered) && rendered[1]).toMatchObject({ href: '' })
  })

  it('shows the placeholder it is given, asking a function again each time', () => {
    let language = 'ar'
    const placeholderOf = (editor: Editor): unknown => {
      const extension = editor.extensionManager.extensions.find((e) => e.name === 'placeholder')
      const option: unknown = extension?.options.placeholder
      return typeof option === 'function' ? (option as () => string)() : option
    }
    expect(placeholderOf(makeEditor())).toBeUndefined()
    expect(placeholderOf(makeEditor({ placeholder: 'Write your notes' }))).toBe('Write your notes')
    const localised = makeEditor({
      placeholder: () => (language === 'ar' ? 'اكتب ملاحظاتك' : 'Notes'),
    })
    expect(placeholderOf(localised)).toBe('اكتب ملاحظاتك')
    language = 'en'
    expect(placeholderOf(localised)).toBe('Notes')
  })
})
