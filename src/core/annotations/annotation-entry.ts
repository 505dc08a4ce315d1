import { z } from 'zod'
import * as Y from 'yjs'
import { fastReader, REFUSED } from '../validation/fast-reader'
import { Annotation, type Visibility } from './annotation'

/**
 * How one annotation sits in a document (DESIGN.md, "Documents"): the JSON text of its fields,
 * under its id in `Map('annotations')`.
 *
 * One text rather than a nested `Y.Map` with a key per field (the shape until November 2026):
 * Yjs decodes every field of every nested map as its own struct with its own key, and a class of
 * 6,800 annotations took about 350 ms to decode that way against 70 ms as texts. The nested map
 * merged concurrent edits of different fields, but only the document's owner writes it, so that
 * mattered only for one person editing one annotation on two devices at once; the later save now
 * wins whole. Entries in the old shape are still read, and the owner's are rewritten by
 * `upgradeLegacyEntries`.
 */
export const ANNOTATIONS_KEY = 'annotations'

export function annotationEntries(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ANNOTATIONS_KEY)
}

/** A document of annotations: whose it is, and who may read it. */
export interface AnnotationSource {
  readonly doc: Y.Doc
  /** User id of the document's owner, the only one who may write it. */
  readonly owner: string
  readonly visibility: Visibility
}

/** An entry that could not be read as an annotation: kept out of lists, reported, never dropped. */
export interface InvalidAnnotation {
  readonly id: string
  readonly owner: string
  readonly visibility: Visibility
  readonly problem: string
  /** The entry as stored, as JSON, so it can be shown, exported or repaired. */
  readonly raw: unknown
}

export type EntryReading =
  | { readonly ok: true; readonly annotation: Annotation }
  | { readonly ok: false; readonly invalid: InvalidAnnotation }

type Stored = { readonly fields: Record<string, unknown> } | { readonly problem: string }

function isFieldObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const NOT_JSON = Symbol('not JSON')

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return NOT_JSON
  }
}

function storedFields(value: unknown): Stored {
  if (typeof value === 'string') {
    const parsed = parseText(value)
    if (parsed === NOT_JSON) return { problem: 'the entry is not valid JSON' }
    return isFieldObject(parsed)
      ? { fields: parsed }
      : { problem: 'the entry is not an object of fields' }
  }
  if (value instanceof Y.Map) return { fields: value.toJSON() as Record<string, unknown> }
  return { problem: 'the entry is neither the JSON text of an annotation nor a map of its fields' }
}

/** The entry as JSON for a report: its parsed text, or the text itself when it is not JSON. */
function asJson(value: unknown): unknown {
  if (value instanceof Y.AbstractType) return value.toJSON() as unknown
  if (typeof value !== 'string') return value
  const parsed = parseText(value)
  return parsed === NOT_JSON ? value : parsed
}

/** Opening a seminar reads thousands of entries: see fast-reader.ts. */
const readAnnotation = fastReader(Annotation)

/**
 * Reads and validates one entry. The document it sits in decides its visibility, since that is
 * who can read it whatever the entry says; an author other than the document's owner is a
 * forgery (the owner wrote it in someone else's name) and is refused.
 */
export function readEntry(id: string, value: unknown, source: AnnotationSource): EntryReading {
  const invalid = (problem: string): EntryReading => ({
    ok: false,
    invalid: {
      id,
      owner: source.owner,
      visibility: source.visibility,
      problem,
      raw: asJson(value),
    },
  })
  const stored = storedFields(value)
  if ('problem' in stored) return invalid(stored.problem)
  // The fields were parsed for this reading alone, so they are changed in place rather than
  // copied, and the reader may hand them back as the annotation.
  const fields = stored.fields
  fields['visibility'] = source.visibility
  let annotation = readAnnotation(fields)
  if (annotation === REFUSED) {
    // Only zod says why (and it stays the judge, should the two ever disagree).
    const parsed = Annotation.safeParse(fields)
    if (!parsed.success) return invalid(z.prettifyError(parsed.error))
    annotation = parsed.data
  }
  if (annotation.id !== id) return invalid(`its id ${annotation.id} differs from its key`)
  if (annotation.author !== source.owner) {
    return invalid(`its author ${annotation.author} is not the document's owner`)
  }
  if (annotation.kind === 'reply' && annotation.replyTo === undefined) {
    return invalid('a reply that does not say what it replies to')
  }
  return { ok: true, annotation }
}

/**
 * The stored fields of a readable entry, unknown ones included, so a rewrite or a move loses
 * nothing a newer version of the app put there.
 */
export function entryFields(value: unknown): Record<string, unknown> {
  const stored = storedFields(value)
  if ('problem' in stored) throw new Error(`The annotation entry cannot be read: ${stored.problem}`)
  return stored.fields
}

/**
 * Writes the entry as the JSON text of `fields` (an undefined field is left out), unless the
 * same text is already stored: an unchanged save makes no update.
 */
export function writeEntry(
  entries: Y.Map<unknown>,
  id: string,
  fields: Readonly<Record<string, unknown>>,
): void {
  const text = JSON.stringify(fields)
  if (entries.get(id) !== text) entries.set(id, text)
}

/** Rewrites entries stored in the old shape (a map of fields) as text; returns how many. */
export function upgradeLegacyEntries(entries: Y.Map<unknown>): number {
  const legacy = [...entries].filter(
    (pair): pair is [string, Y.Map<unknown>] => pair[1] instanceof Y.Map,
  )
  for (const [id, value] of legacy) entries.set(id, JSON.stringify(value.toJSON()))
  return legacy.length
}
