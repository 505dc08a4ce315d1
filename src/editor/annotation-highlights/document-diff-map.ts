import type { Node as PMNode } from '@tiptap/pm/model'
import { Mapping, ReplaceStep, StepMap } from '@tiptap/pm/transform'
import type { Transaction } from '@tiptap/pm/state'

/**
 * The mapping to move decorations through a transaction. Usually the transaction's own; but
 * y-prosemirror applies every remote change (and every Yjs undo) as one step replacing the whole
 * document, whose mapping would drop every decoration. For those, a mapping is rebuilt from
 * where the old and new documents actually differ.
 */
export function decorationMapping(tr: Transaction): Mapping {
  return replacesWholeDocument(tr) ? new Mapping([documentDiffMap(tr.before, tr.doc)]) : tr.mapping
}

function replacesWholeDocument(tr: Transaction): boolean {
  return tr.steps.some((step, index) => {
    const before = tr.docs[index]
    return (
      step instanceof ReplaceStep &&
      before !== undefined &&
      step.from === 0 &&
      step.to === before.content.size
    )
  })
}

/** A single-range map from `before` to `after`: the span between their common start and end. */
export function documentDiffMap(before: PMNode, after: PMNode): StepMap {
  const start = before.content.findDiffStart(after.content)
  if (start === null) return StepMap.empty
  const end = before.content.findDiffEnd(after.content)
  if (end === null) return StepMap.empty
  let { a: endA, b: endB } = end
  // Repeated text lets the common suffix reach back past the common prefix ("aa" → "aaa");
  // push both ends forward so the changed span starts at `start`.
  const overlap = start - Math.min(endA, endB)
  if (overlap > 0) {
    endA += overlap
    endB += overlap
  }
  return new StepMap([start, endA - start, endB - start])
}
