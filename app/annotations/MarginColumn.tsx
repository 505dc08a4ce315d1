import type { Editor } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { stackCards } from '../../src/core/margin/stack-cards'
import type { Placement } from './use-anchoring'

export interface MarginItem {
  id: string
  placement: Placement
  render: (ref: (element: HTMLElement | null) => void, style: React.CSSProperties) => ReactNode
}

interface MarginColumnProps {
  editor: Editor
  items: readonly MarginItem[]
  activeId: string | null
  /** Changes whenever the article's layout may have moved (text size, panels, edits). */
  layoutKey: string
}

const GAP = 8

function sameTops(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false
  for (const [id, top] of a) if (b.get(id) !== top) return false
  return true
}

/**
 * The margin beside the article (its inline end: the left of an Arabic article): cards level with
 * their passage, stacked without overlap, the active one exactly beside its passage.
 */
export function MarginColumn({ editor, items, activeId, layoutKey }: MarginColumnProps) {
  const column = useRef<HTMLDivElement>(null)
  // The cards' elements, measured after each render; a plain map, as React's refs are per element.
  const [elements] = useState(() => new Map<string, HTMLElement>())
  const [layout, setLayout] = useState<{ tops: ReadonlyMap<string, number>; height: number }>({
    tops: new Map(),
    height: 0,
  })
  const { tops } = layout
  const [resizes, setResizes] = useState(0)
  // One observer for the column's life: re-observing on every render would fire it every time.
  const [observer] = useState(() => new ResizeObserver(() => setResizes((value) => value + 1)))
  // Stable ref callbacks per card, so React does not detach and re-attach them on each render.
  const [refs] = useState(() => new Map<string, (element: HTMLElement | null) => void>())
  const refFor = (id: string) => {
    let ref = refs.get(id)
    if (!ref) {
      ref = (element) => {
        const previous = elements.get(id)
        if (previous && previous !== element) observer.unobserve(previous)
        if (element) {
          elements.set(id, element)
          observer.observe(element)
        } else {
          elements.delete(id)
          refs.delete(id)
        }
      }
      refs.set(id, ref)
    }
    return ref
  }

  useEffect(() => {
    const article = editor.view.dom
    observer.observe(article)
    return () => observer.unobserve(article)
  }, [editor, observer])

  useLayoutEffect(() => {
    const container = column.current
    if (!container || editor.isDestroyed) return
    const origin = container.getBoundingClientRect().top
    const cards = items.flatMap((item) => {
      const element = elements.get(item.id)
      if (!element) return []
      const anchorTop = editor.view.coordsAtPos(item.placement.from).top - origin
      return [{ id: item.id, anchorTop: Math.max(0, anchorTop), height: element.offsetHeight }]
    })
    const next = new Map(
      stackCards(cards, { gap: GAP, activeId }).map((card) => [card.id, card.top]),
    )
    const height = Math.max(0, ...cards.map((card) => (next.get(card.id) ?? 0) + card.height))
    setLayout((previous) =>
      sameTops(previous.tops, next) && previous.height === height
        ? previous
        : { tops: next, height },
    )
  }, [editor, items, elements, activeId, layoutKey, resizes])

  return (
    <div ref={column} className="margin-column" style={{ minHeight: layout.height }}>
      {items.map((item) =>
        item.render(refFor(item.id), {
          position: 'absolute',
          insetInline: 0,
          top: tops.get(item.id) ?? 0,
          visibility: tops.has(item.id) ? 'visible' : 'hidden',
        }),
      )}
    </div>
  )
}
