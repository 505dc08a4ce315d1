import type { Editor } from '@tiptap/react'
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'
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

  useLayoutEffect(() => {
    const observer = new ResizeObserver(() => setResizes((value) => value + 1))
    observer.observe(editor.view.dom)
    for (const element of elements.values()) observer.observe(element)
    return () => observer.disconnect()
  }, [editor, items, elements])

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
        item.render(
          (element) => {
            if (element) elements.set(item.id, element)
            else elements.delete(item.id)
          },
          {
            position: 'absolute',
            insetInline: 0,
            top: tops.get(item.id) ?? 0,
            visibility: tops.has(item.id) ? 'visible' : 'hidden',
          },
        ),
      )}
    </div>
  )
}
