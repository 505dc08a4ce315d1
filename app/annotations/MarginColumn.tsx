import type { Editor } from '@tiptap/react'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { measurePassages } from '../../src/core/margin/measure-passages'
import { stackCards } from '../../src/core/margin/stack-cards'
import {
  bandContains,
  cardsInBand,
  type MarginBand,
  type StackedCard,
} from '../../src/core/margin/visible-cards'
import { runWhenIdle } from '../platform/run-when-idle'
import type { Placement } from './use-anchoring'

export interface MarginItem {
  id: string
  placement: Placement
  /** The card's height until it has been rendered and measured once. */
  estimatedHeight: number
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
/** Cards are rendered this many viewport heights above and below the viewport. */
const OVERSCAN = 1
/** The rendered band moves once the viewport comes this close (in viewports) to its edge. */
const SLACK = 0.25
/** How long the passages below the rendered band may wait to be measured for an idle moment. */
const MEASURE_REST_WITHIN_MS = 1_000

interface Layout {
  /** Every card, rendered or not, in passage order, as stacked. */
  cards: readonly StackedCard[]
  tops: ReadonlyMap<string, number>
  height: number
}

const EMPTY_LAYOUT: Layout = { cards: [], tops: new Map(), height: 0 }

function sameCards(a: readonly StackedCard[], b: readonly StackedCard[]): boolean {
  if (a.length !== b.length) return false
  return a.every((card, index) => {
    const other = b[index]!
    return card.id === other.id && card.top === other.top && card.height === other.height
  })
}

/** The viewport in the column's coordinates, given the column's box on screen. */
function viewportBand(column: DOMRect): MarginBand {
  return { top: -column.top, bottom: window.innerHeight - column.top }
}

function grown(band: MarginBand, by: number): MarginBand {
  const height = band.bottom - band.top
  return { top: band.top - by * height, bottom: band.bottom + by * height }
}

/**
 * The margin beside the article (its inline end: the left of an Arabic article): cards level with
 * their passages, stacked without overlap, the active one exactly beside its passage.
 *
 * A seminar's article can carry thousands of comments; laying all their cards out in the page
 * made every keystroke lay out thousands of cards. So every card is stacked (by its measured
 * height once it has been rendered, by an estimate before), but only the cards near the
 * viewport, the active card and the comment being written are in the page. Passages are
 * measured once per layout of the article, not on every render.
 */
export function MarginColumn({ editor, items, activeId, layoutKey }: MarginColumnProps) {
  const column = useRef<HTMLDivElement>(null)
  // Plain maps kept for the column's life: the rendered cards' elements, every height measured
  // so far (kept when a card leaves the page, so scrolling back does not move it), and the top
  // of each passage start by document position.
  const [elements] = useState(() => new Map<string, HTMLElement>())
  const [heights] = useState(() => new Map<string, number>())
  const [anchorTops] = useState(() => new Map<number, number>())
  const [layout, setLayout] = useState<Layout>(EMPTY_LAYOUT)
  const [band, setBand] = useState<MarginBand>(() => ({
    top: -window.innerHeight * OVERSCAN,
    bottom: window.innerHeight * (1 + OVERSCAN),
  }))
  const [ticks, tick] = useReducer((value: number) => value + 1, 0)
  // Until the first screen is shown, passages are measured only as far as the rendered band.
  const [measureAll, setMeasureAll] = useState(false)
  const [incomplete, setIncomplete] = useState(false)
  const measureLimit = measureAll ? Infinity : band.bottom
  // Passage order matters only for stopping at the band; once every passage is measured, the
  // items are taken as given rather than sorted again on each render.
  const toMeasure = useMemo(
    () => (measureAll ? items : [...items].sort((a, b) => a.placement.from - b.placement.from)),
    [items, measureAll],
  )

  // A rendered card changing size (a reply being written) restacks the margin.
  const [observer] = useState(() => new ResizeObserver(() => tick()))
  useEffect(() => () => observer.disconnect(), [observer])

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
    // The article changing size, or being edited, moves its passages: they are measured again.
    const articleObserver = new ResizeObserver(() => {
      anchorTops.clear()
      tick()
    })
    articleObserver.observe(editor.view.dom)
    // An edit of the article moves the passages after it, whether or not its height changed.
    let frame = 0
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        anchorTops.clear()
        tick()
      })
    }
    editor.on('transaction', onTransaction)
    return () => {
      cancelAnimationFrame(frame)
      editor.off('transaction', onTransaction)
      articleObserver.disconnect()
    }
  }, [editor, anchorTops])

  /** Moves the rendered band along once the viewport nears its edge. */
  const followViewport = useCallback(() => {
    const container = column.current
    if (!container) return
    const viewport = viewportBand(container.getBoundingClientRect())
    setBand((current) =>
      bandContains(current, grown(viewport, SLACK)) ? current : grown(viewport, OVERSCAN),
    )
  }, [])
  useEffect(() => {
    let frame = 0
    const onScroll = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(followViewport)
    }
    // Captured at the document: whichever element scrolls the article, its scroll is seen here.
    document.addEventListener('scroll', onScroll, { capture: true, passive: true })
    window.addEventListener('resize', onScroll, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('scroll', onScroll, { capture: true })
      window.removeEventListener('resize', onScroll)
    }
  }, [followViewport])

  const measuredLayoutKey = useRef(layoutKey)

  useLayoutEffect(() => {
    const container = column.current
    if (!container || editor.isDestroyed) return
    if (measuredLayoutKey.current !== layoutKey) {
      measuredLayoutKey.current = layoutKey
      anchorTops.clear()
    }
    for (const [id, element] of elements) heights.set(id, element.offsetHeight)
    const size = editor.state.doc.content.size
    let origin: number | null = null
    const anchorTopOf = (item: MarginItem) => {
      const from = Math.min(Math.max(0, item.placement.from), size)
      let anchorTop = anchorTops.get(from)
      if (anchorTop === undefined) {
        origin ??= container.getBoundingClientRect().top
        anchorTop = Math.max(0, editor.view.coordsAtPos(from).top - origin)
        anchorTops.set(from, anchorTop)
      }
      return anchorTop
    }
    const { measured, complete } = measurePassages(toMeasure, anchorTopOf, measureLimit)
    setIncomplete(!complete)
    const cards = measured.map(({ item, anchorTop }) => ({
      id: item.id,
      anchorTop,
      height: heights.get(item.id) ?? item.estimatedHeight,
    }))
    const heightOf = new Map(cards.map((card) => [card.id, card.height]))
    const stacked = stackCards(cards, { gap: GAP, activeId }).map(({ id, top }) => ({
      id,
      top,
      height: heightOf.get(id) ?? 0,
    }))
    setLayout((previous) => {
      if (sameCards(previous.cards, stacked)) return previous
      const height = stacked.reduce((bottom, card) => Math.max(bottom, card.top + card.height), 0)
      return { cards: stacked, tops: new Map(stacked.map((card) => [card.id, card.top])), height }
    })
    followViewport()
  }, [
    editor,
    toMeasure,
    measureLimit,
    activeId,
    layoutKey,
    ticks,
    elements,
    heights,
    anchorTops,
    followViewport,
  ])

  useEffect(() => {
    if (!incomplete) return
    return runWhenIdle(() => setMeasureAll(true), MEASURE_REST_WITHIN_MS)
  }, [incomplete])

  const shown = new Set(cardsInBand(layout.cards, band).map((card) => card.id))
  if (activeId !== null) shown.add(activeId)

  return (
    <div ref={column} className="margin-column" style={{ minHeight: layout.height }}>
      {items.flatMap((item) => {
        const top = layout.tops.get(item.id)
        // A card enters the page only once it has a place (by its estimated height until it is
        // measured): mounted anywhere else first, it would slide there, and a composer focused
        // on its way would leave the reader typing off screen.
        if (top === undefined || !shown.has(item.id)) return []
        return [item.render(refFor(item.id), { position: 'absolute', insetInline: 0, top })]
      })}
    </div>
  )
}
