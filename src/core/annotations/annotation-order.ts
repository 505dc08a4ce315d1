import type { Annotation } from './annotation'

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Oldest first; the id breaks ties, so every replica lists annotations in the same order. */
export function byCreation(a: Annotation, b: Annotation): number {
  return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id)
}
