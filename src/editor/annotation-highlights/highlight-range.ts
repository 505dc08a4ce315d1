import type { Node as PMNode } from '@tiptap/pm/model'
import { Decoration, type DecorationAttrs } from '@tiptap/pm/view'
import type { HighlightColor } from '../../core/annotations/annotation'

/** One highlighted passage as the app has anchored it, in positions of the current document. */
export interface HighlightRange {
  /** The annotation's id, carried into the DOM as `data-annotation-id`. */
  id: string
  from: number
  to: number
  color: HighlightColor
  /** Which author (an index into the app's list of authors) made it, for telling overlaps apart. */
  authorIndex?: number
  kind: 'highlight' | 'comment'
  resolved?: boolean
}

/** What a highlight looks like: everything but its positions, which the decoration set tracks. */
export type HighlightLook = Omit<HighlightRange, 'from' | 'to'>

/** The spec every highlight decoration carries, so it can be found and restyled by id. */
export interface HighlightSpec {
  annotationId: string
  look: HighlightLook
}

export function highlightAttrs(look: HighlightLook, active: boolean): DecorationAttrs {
  const classes = ['hl', `hl-${look.color}`]
  if (look.kind === 'comment') classes.push('hl-comment')
  if (look.resolved) classes.push('hl-resolved')
  if (active) classes.push('hl-active')
  const attrs: DecorationAttrs = {
    // An element of its own per highlight: without `nodeName`, ProseMirror merges overlapping
    // inline decorations into one span, where one annotation's id and author would overwrite
    // the other's and the overlap could be neither told apart nor clicked through.
    nodeName: 'span',
    class: classes.join(' '),
    'data-annotation-id': look.id,
  }
  if (look.authorIndex !== undefined) attrs['data-author'] = String(look.authorIndex)
  return attrs
}

export function highlightDecoration(
  from: number,
  to: number,
  look: HighlightLook,
  active: boolean,
): Decoration {
  const spec: HighlightSpec = { annotationId: look.id, look }
  return Decoration.inline(from, to, highlightAttrs(look, active), spec)
}

/** The same decoration, styled as active or not. */
export function restyledDecoration(decoration: Decoration, active: boolean): Decoration {
  const spec = highlightSpecOf(decoration)
  if (!spec) return decoration
  return Decoration.inline(decoration.from, decoration.to, highlightAttrs(spec.look, active), spec)
}

export function highlightSpecOf(decoration: Decoration): HighlightSpec | null {
  const spec: unknown = decoration.spec
  return isHighlightSpec(spec) ? spec : null
}

export function isHighlightSpec(spec: unknown): spec is HighlightSpec {
  return (
    typeof spec === 'object' &&
    spec !== null &&
    'annotationId' in spec &&
    typeof spec.annotationId === 'string' &&
    'look' in spec
  )
}

/** A stale or malformed range would throw or mark the wrong text: it is left out instead. */
export function fitsDocument(range: HighlightRange, doc: PMNode): boolean {
  return (
    Number.isInteger(range.from) &&
    Number.isInteger(range.to) &&
    range.from >= 0 &&
    range.from < range.to &&
    range.to <= doc.content.size
  )
}
