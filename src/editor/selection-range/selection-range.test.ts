import { AllSelection, EditorState, NodeSelection, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { articleSchema } from '../article-schema'
import { selectionRange } from './selection-range'
import { textRange } from './text-position.test-support'

const doc = articleSchema().nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'المبحث الاول' }] },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'يعد الملحق العسكري (Military Attaché) هو اللاعب  ' }],
    },
    { type: 'paragraph', content: [{ type: 'text', text: '   ' }] },
  ],
})

function stateWith(from: number, to: number): EditorState {
  const state = EditorState.create({ doc })
  return state.apply(state.tr.setSelection(TextSelection.create(doc, from, to)))
}

describe('selectionRange', () => {
  it('is null for a collapsed selection', () => {
    const at = textRange(doc, 'الملحق').from
    expect(selectionRange(stateWith(at, at))).toBeNull()
  })

  it('returns the selected text range in mixed Arabic and English text', () => {
    const range = textRange(doc, 'العسكري (Military')
    expect(selectionRange(stateWith(range.from, range.to))).toEqual(range)
  })

  it('leaves out whitespace at either end', () => {
    const word = textRange(doc, 'الملحق')
    expect(selectionRange(stateWith(word.from - 1, word.to + 1))).toEqual(word)
  })

  it('spans a heading and the next paragraph', () => {
    const start = textRange(doc, 'الاول')
    const end = textRange(doc, 'يعد')
    expect(selectionRange(stateWith(start.from, end.to))).toEqual({ from: start.from, to: end.to })
  })

  it('is null when only whitespace is selected', () => {
    const blank = doc.child(2)
    const blankStart = doc.content.size - blank.nodeSize + 1
    expect(selectionRange(stateWith(blankStart, blankStart + 3))).toBeNull()
  })

  it('trims trailing whitespace across a block boundary', () => {
    const start = textRange(doc, 'اللاعب')
    expect(selectionRange(stateWith(start.from, doc.content.size - 1))).toEqual(start)
  })

  it('takes the whole text of a select-all', () => {
    const state = EditorState.create({ doc })
    const all = state.apply(state.tr.setSelection(new AllSelection(doc)))
    expect(selectionRange(all)).toEqual({
      from: textRange(doc, 'المبحث').from,
      to: textRange(doc, 'اللاعب').to,
    })
  })

  it('ignores a node selection', () => {
    const state = EditorState.create({ doc })
    const selected = state.apply(state.tr.setSelection(NodeSelection.create(doc, 0)))
    expect(selectionRange(selected)).toBeNull()
  })
})
