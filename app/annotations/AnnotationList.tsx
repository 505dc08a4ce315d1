import { useId, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type AnnotationKind,
  type HighlightColor,
} from '../../src/core/annotations/annotation'
import {
  countByFacet,
  filterAnnotations,
  type AnnotationFilter,
  type ResolvedFilter,
} from '../../src/core/annotations/annotation-filter'
import type { AnnotationThread } from '../../src/core/annotations/annotation-threads'
import { plainBodyOf } from '../../src/core/annotations/comment-plain-text'

interface AnnotationListProps {
  threads: readonly AnnotationThread[]
  orphans: readonly Annotation[]
  activeId: string | null
  onSelect: (id: string) => void
  /** Show only these authors' annotations at first ("their annotations", from the members). */
  initialAuthors?: readonly string[]
  /** In a seminar: each member's colour, shown beside their name in the author filter. */
  colorOf?: (userId: string) => string | undefined
  /**
   * Why there is no list to show yet (the reader's documents are still opening, or would not
   * open): said in its place, where "no annotations yet" would be untrue.
   */
  unavailable?: string
  /** Replies whose comment is gone: listed apart, after the threads. */
  detached?: ReactNode
}

const KINDS: readonly AnnotationKind[] = ['highlight', 'comment', 'reply']
const STATES: readonly ResolvedFilter[] = ['all', 'open', 'resolved']

function toggle<T>(values: readonly T[] | undefined, value: T): T[] {
  const current = values ?? []
  return current.includes(value) ? current.filter((item) => item !== value) : [...current, value]
}

/** Every annotation in reading order, with faceted filters, a forgiving search, and orphans apart. */
export function AnnotationList({
  threads,
  orphans,
  activeId,
  onSelect,
  initialAuthors,
  colorOf,
  unavailable,
  detached,
}: AnnotationListProps) {
  const { t } = useTranslation()
  const id = useId()
  const [filter, setFilter] = useState<AnnotationFilter>(() => ({
    resolved: 'all',
    ...(initialAuthors && { authors: [...initialAuthors] }),
  }))
  const shown = useMemo(() => filterAnnotations(threads, filter), [threads, filter])
  const counts = useMemo(() => countByFacet(threads, filter), [threads, filter])
  const orphanIds = useMemo(() => new Set(orphans.map((annotation) => annotation.id)), [orphans])
  const anchored = shown.filter((thread) => !orphanIds.has(thread.root.id))
  const filtering =
    (filter.text ?? '') !== '' ||
    [filter.kinds, filter.colors, filter.tags, filter.authors].some(
      (list) => (list?.length ?? 0) > 0,
    ) ||
    filter.resolved !== 'all'

  const chip = (
    label: string,
    count: number,
    pressed: boolean,
    onClick: () => void,
    key: string,
    color?: string,
  ) => (
    <button key={key} type="button" className="chip" aria-pressed={pressed} onClick={onClick}>
      {color && <span className="member-dot" style={{ background: color }} aria-hidden="true" />}
      <span dir="auto">{label}</span> <span className="chip-count">{count}</span>
    </button>
  )

  return (
    <section
      className="annotation-list"
      data-testid="annotation-list"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="panel-title">
        {t('annotationList')}
        {unavailable === undefined && (
          <>
            {' '}
            <span className="panel-count">
              {t('shownOf', { shown: shown.length, total: threads.length })}
            </span>
          </>
        )}
      </h2>
      {unavailable === undefined ? (
        <>
          <input
            type="search"
            className="list-search"
            dir="auto"
            aria-label={t('searchAnnotations')}
            placeholder={t('searchAnnotations')}
            value={filter.text ?? ''}
            onChange={(event) => setFilter({ ...filter, text: event.target.value })}
          />
          <div className="facets">
            <div role="group" aria-label={t('filterKind')} className="facet">
              {KINDS.map((kind) =>
                chip(
                  t(`kind_${kind}`),
                  counts.kinds[kind],
                  filter.kinds?.includes(kind) ?? false,
                  () => setFilter({ ...filter, kinds: toggle(filter.kinds, kind) }),
                  kind,
                ),
              )}
            </div>
            <div role="group" aria-label={t('filterState')} className="facet">
              {STATES.map((state) =>
                chip(
                  t(`state_${state}`),
                  counts.resolved[state],
                  filter.resolved === state,
                  () => setFilter({ ...filter, resolved: state }),
                  state,
                ),
              )}
            </div>
            <div role="group" aria-label={t('filterColor')} className="facet">
              {HIGHLIGHT_COLORS.map((color: HighlightColor) => (
                <button
                  key={color}
                  type="button"
                  className={`swatch swatch-${color}`}
                  aria-pressed={filter.colors?.includes(color) ?? false}
                  aria-label={`${t(`color_${color}`)} (${counts.colors[color]})`}
                  title={t(`color_${color}`)}
                  onClick={() => setFilter({ ...filter, colors: toggle(filter.colors, color) })}
                />
              ))}
            </div>
            {counts.tags.length > 0 && (
              <div role="group" aria-label={t('filterTag')} className="facet">
                {counts.tags.map(({ tag, count }) =>
                  chip(
                    `#${tag}`,
                    count,
                    filter.tags?.includes(tag) ?? false,
                    () => setFilter({ ...filter, tags: toggle(filter.tags, tag) }),
                    tag,
                  ),
                )}
              </div>
            )}
            {(counts.authors.length > 1 || (filter.authors?.length ?? 0) > 0) && (
              <div role="group" aria-label={t('filterAuthor')} className="facet">
                {counts.authors.map(({ author, authorName, count }) =>
                  chip(
                    authorName,
                    count,
                    filter.authors?.includes(author) ?? false,
                    () => setFilter({ ...filter, authors: toggle(filter.authors, author) }),
                    author,
                    colorOf?.(author),
                  ),
                )}
              </div>
            )}
            {filtering && (
              <button
                type="button"
                className="link-button"
                onClick={() => setFilter({ resolved: 'all' })}
              >
                {t('clearFilters')}
              </button>
            )}
          </div>
          {threads.length === 0 ? (
            !detached && <p className="list-empty">{t('noAnnotations')}</p>
          ) : anchored.length === 0 && orphans.length === 0 ? (
            <p className="list-empty">{t('noMatches')}</p>
          ) : (
            <ol className="list-items">
              {anchored.map((thread) => (
                <li key={thread.root.id}>
                  <ListEntry
                    thread={thread}
                    active={thread.root.id === activeId}
                    onSelect={onSelect}
                  />
                </li>
              ))}
            </ol>
          )}
          {orphans.length > 0 && (
            <section className="orphans" data-testid="orphaned-annotations">
              <h3 className="panel-subtitle">{t('orphaned')}</h3>
              <p className="list-hint">{t('orphanedHint')}</p>
              <ol className="list-items">
                {orphans.map((annotation) => (
                  <li key={annotation.id} className="list-entry" data-annotation-id={annotation.id}>
                    <blockquote dir="auto">{annotation.anchor?.quote.exact}</blockquote>
                    {annotation.body !== '' && <p dir="auto">{plainBodyOf(annotation)}</p>}
                  </li>
                ))}
              </ol>
            </section>
          )}
          {detached}
        </>
      ) : (
        <p className="list-empty" role="status">
          {unavailable}
        </p>
      )}
    </section>
  )
}

function ListEntry({
  thread,
  active,
  onSelect,
}: {
  thread: AnnotationThread
  active: boolean
  onSelect: (id: string) => void
}) {
  const { t } = useTranslation()
  const { root, replies } = thread
  return (
    <button
      type="button"
      className="list-entry"
      data-annotation-id={root.id}
      data-active={active || undefined}
      onClick={() => onSelect(root.id)}
    >
      <span className={`swatch swatch-${root.color}`} aria-hidden="true" />
      <span className="list-quote" dir="auto">
        {root.anchor?.quote.exact}
      </span>
      {root.body !== '' && (
        // The words without their Markdown marks: worked out as entries show, once per annotation.
        <span className="list-body" dir="auto">
          {plainBodyOf(root)}
        </span>
      )}
      <span className="list-meta">
        <span dir="auto">{root.authorName}</span> · {t(`kindSingular_${root.kind}`)}
        {replies.length > 0 && <> · {t('repliesCount', { count: replies.length })}</>}
        {root.resolved === true && <> · {t('resolved')}</>}
      </span>
    </button>
  )
}
