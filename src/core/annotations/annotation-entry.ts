import { z } from 'zod'
import * as Y from 'yjs'
import { Annotation, type Visibility } from './annotation'

/**
 * How one annotation sits in a document (DESIGN.md, "Documents"): a nested `Y.Map` per
 * annotation inside `Map('annotations')`, keyed by id, each field its own key so concurrent
 * edits of different fields merge. Values are plain JSON (`tags` a plain array, `anchor` a
 * plain object): they change as a whole.
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

function asJson(value: unknown): unknown {
  return value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value
}

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
  if (!(value instanceof Y.Map)) return invalid('the entry is not a map of fields')
  const fields = value.toJSON() as Record<string, unknown>
  const parsed = Annotation.safeParse({ ...fields, visibility: source.visibility })
  if (!parsed.success) return invalid(z.prettifyError(parsed.error))
  const annotation = parsed.data
  if (annotation.id !== id) return invalid(`its id ${annotation.id} differs from its key`)
  if (annotation.author !== source.owner) {
    return invalid(`its author ${annotation.author} is not the document's owner`)
  }
  if (annotation.kind === 'reply' && annotation.replyTo === undefined) {
    return invalid('a reply that does not say what it replies to')
  }
  return { ok: true, annotation }
}

/** The stored fields of an entry as JSON, unknown ones included, so a move loses nothing. */
export function entryFields(entry: Y.Map<unknown>): Record<string, unknown> {
  return entry.toJSON() as Record<string, unknown>
}

/** Sets each defined field that differs from what is stored; untouched keys stay untouched. */
export function writeFields(
  entry: Y.Map<unknown>,
  fields: Readonly<Record<string, unknown>>,
): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (sameJson(entry.get(key), value)) continue
    entry.set(key, value)
  }
}

function sameJson(stored: unknown, value: unknown): boolean {
  if (stored === value) return true
  if (
    typeof stored !== 'object' ||
    typeof value !== 'object' ||
    stored === null ||
    value === null
  ) {
    return false
  }
  return JSON.stringify(stored) === JSON.stringify(value)
}
