import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  annotationEntries,
  entryFields,
  readEntry,
  upgradeLegacyEntries,
  writeEntry,
  type AnnotationSource,
} from './annotation-entry'
import { anchorOn, storeLegacyEntry } from './annotation-test-support'

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

function stored(values: Record<string, unknown>): { entry: unknown; doc: Y.Doc } {
  const doc = new Y.Doc()
  writeEntry(annotationEntries(doc), String(values.id), values)
  return { entry: annotationEntries(doc).get(String(values.id)), doc }
}

function source(
  doc: Y.Doc,
  visibility: AnnotationSource['visibility'] = 'class',
): AnnotationSource {
  return { doc, owner: 'hanan', visibility }
}

describe('readEntry', () => {
  it('reads a well-formed entry, stored as the JSON text of its fields', () => {
    const { entry, doc } = stored(fields)
    expect(typeof entry).toBe('string')
    expect(readEntry('n1', entry, source(doc))).toEqual({ ok: true, annotation: fields })
  })

  it('reads an entry stored by older versions as a map of fields', () => {
    const doc = new Y.Doc()
    const legacy = storeLegacyEntry(doc, 'n1', fields)
    expect(readEntry('n1', legacy, source(doc))).toEqual({ ok: true, annotation: fields })
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

  it('keeps text that is not JSON, or not an object, as it was stored', () => {
    const doc = new Y.Doc()
    for (const [value, problem] of [
      ['{"id": "n1", ', /not valid JSON/],
      ['["n1"]', /not an object/],
      [42, /neither/],
    ] as const) {
      const reading = readEntry('n1', value, source(doc))
      expect(!reading.ok && reading.invalid.problem).toMatch(problem)
      expect(!reading.ok && reading.invalid.raw).toEqual(
        typeof value === 'string' && value.startsWith('[') ? ['n1'] : value,
      )
    }
  })
})

describe('writeEntry', () => {
  it('writes only when the text differs, so an unchanged save makes no update', () => {
    const doc = new Y.Doc()
    const entries = annotationEntries(doc)
    writeEntry(entries, 'n1', fields)
    const onUpdate = vi.fn()
    doc.on('update', onUpdate)
    writeEntry(entries, 'n1', { ...fields, tags: ['question'], anchor: anchorOn('نص') })
    expect(onUpdate).not.toHaveBeenCalled()
    writeEntry(entries, 'n1', { ...fields, body: 'جديد', replyTo: undefined })
    expect(onUpdate).toHaveBeenCalledTimes(1)
    expect(entryFields(entries.get('n1'))).toEqual({ ...fields, body: 'جديد' })
  })
})

describe('upgradeLegacyEntries', () => {
  it('rewrites maps of fields as text, keeping every field, and leaves text alone', () => {
    const doc = new Y.Doc()
    const entries = annotationEntries(doc)
    storeLegacyEntry(doc, 'old', { ...fields, id: 'old', future: { kept: true } })
    writeEntry(entries, 'n1', fields)
    const current = entries.get('n1')
    expect(upgradeLegacyEntries(entries)).toBe(1)
    expect(entries.get('n1')).toBe(current)
    expect(typeof entries.get('old')).toBe('string')
    expect(entryFields(entries.get('old'))).toEqual({
      ...fields,
      id: 'old',
      future: { kept: true },
    })
    expect(upgradeLegacyEntries(entries)).toBe(0)
  })
})
