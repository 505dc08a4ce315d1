import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  annotationEntries,
  readEntry,
  writeFields,
  type AnnotationSource,
} from './annotation-entry'
import { anchorOn } from './annotation-test-support'

const fields = {
  id: 'n1',
  kind: 'comment',
  author: 'hanan',
  authorName: 'Hanan',
  color: 'yellow',
  body: 'ملاحظة',
  tags: ['question'],
  visibility: 'class',
  createdAt: '2026-11-28T14:00:00.000Z',
  updatedAt: '2026-11-28T14:00:00.000Z',
  anchor: anchorOn('نص'),
}

function stored(values: Record<string, unknown>): { entry: Y.Map<unknown>; doc: Y.Doc } {
  const doc = new Y.Doc()
  const entry = new Y.Map<unknown>()
  annotationEntries(doc).set(String(values.id), entry)
  writeFields(entry, values)
  return { entry, doc }
}

function source(
  doc: Y.Doc,
  visibility: AnnotationSource['visibility'] = 'class',
): AnnotationSource {
  return { doc, owner: 'hanan', visibility }
}

describe('readEntry', () => {
  it('reads a well-formed entry', () => {
    const { entry, doc } = stored(fields)
    expect(readEntry('n1', entry, source(doc))).toEqual({ ok: true, annotation: fields })
  })

  it('takes the visibility from the document the entry is in', () => {
    const { entry, doc } = stored(fields)
    const reading = readEntry('n1', entry, source(doc, 'private'))
    expect(reading.ok && reading.annotation.visibility).toBe('private')
  })

  it('refuses an id that differs from the key, and a reply to nothing', () => {
    const { entry, doc } = stored(fields)
    const mismatch = readEntry('other', entry, source(doc))
    expect(!mismatch.ok && mismatch.invalid.problem).toMatch(/differs from its key/)
    const reply = stored({ ...fields, kind: 'reply', anchor: undefined })
    const orphan = readEntry('n1', reply.entry, source(reply.doc))
    expect(!orphan.ok && orphan.invalid.problem).toMatch(/replies to/)
  })

  it('describes what is wrong with a malformed entry', () => {
    const { entry, doc } = stored({ ...fields, color: 'red', tags: 'question' })
    const reading = readEntry('n1', entry, source(doc))
    expect(reading.ok).toBe(false)
    if (!reading.ok) {
      expect(reading.invalid.problem).toMatch(/color/)
      expect(reading.invalid.problem).toMatch(/tags/)
      expect(reading.invalid.raw).toMatchObject({ color: 'red', tags: 'question' })
    }
  })
})

describe('writeFields', () => {
  it('writes only what differs, so an unchanged save makes no update', () => {
    const { entry, doc } = stored(fields)
    const onUpdate = vi.fn()
    doc.on('update', onUpdate)
    writeFields(entry, { ...fields, tags: ['question'], anchor: anchorOn('نص') })
    expect(onUpdate).not.toHaveBeenCalled()
    writeFields(entry, { body: 'جديد', replyTo: undefined })
    expect(onUpdate).toHaveBeenCalledTimes(1)
    expect(entry.get('body')).toBe('جديد')
    expect(entry.has('replyTo')).toBe(false)
  })
})
