import {
  HIGHLIGHT_COLORS,
  AnnotationKind,
  type Annotation,
  type HighlightColor,
} from './annotation'
import { normalizeTag } from './annotation-input'
import type { AnnotationThread } from './annotation-threads'
import { foldForSearch, searchTerms } from './search-fold'

export type ResolvedFilter = 'open' | 'resolved' | 'all'

/**
 * What the annotation list shows. Within a facet any selected value will do; across facets all
 * must hold. An empty or absent facet does not filter.
 */
export interface AnnotationFilter {
  /** Author user ids. */
  readonly authors?: readonly string[]
  /** A reply is in its thread's colour, whatever it stores. */
  readonly colors?: readonly HighlightColor[]
  /** Tags as typed; compared normalised, so '#Question' selects 'question'. */
  readonly tags?: readonly string[]
  readonly kinds?: readonly AnnotationKind[]
  /** Open or resolved thread; a reply is as its thread is. */
  readonly resolved?: ResolvedFilter
  /**
   * Words that must each appear in the body, tags, author name or quoted passage (a reply's
   * being its thread's), ignoring diacritics, tatweel, letter variants and case.
   */
  readonly text?: string
}

export interface AuthorCount {
  readonly author: string
  readonly authorName: string
  readonly count: number
}

export interface TagCount {
  readonly tag: string
  readonly count: number
}

/**
 * For each value of each facet, how many items would match with that value selected and the
 * other facets as they are: the numbers beside the choices of a faceted-search sidebar.
 */
export interface FacetCounts {
  /** Most frequent first; authors and tags that are selected are listed even at zero. */
  readonly authors: readonly AuthorCount[]
  readonly colors: Readonly<Record<HighlightColor, number>>
  readonly tags: readonly TagCount[]
  readonly kinds: Readonly<Record<AnnotationKind, number>>
  readonly resolved: Readonly<Record<ResolvedFilter, number>>
}

const FACETS = ['authors', 'colors', 'tags', 'kinds', 'resolved'] as const
type Facet = (typeof FACETS)[number]
const FACET_BIT: Readonly<Record<Facet | 'text', number>> = {
  authors: 1,
  colors: 2,
  tags: 4,
  kinds: 8,
  resolved: 16,
  text: 32,
}
const ALL_BITS = 63

/** An annotation with the root of its thread (itself for a root), which lends replies context. */
interface Subject {
  readonly annotation: Annotation
  readonly root: Annotation | undefined
}

interface CompiledFilter {
  readonly authors: ReadonlySet<string> | null
  readonly colors: ReadonlySet<string> | null
  readonly tags: ReadonlySet<string> | null
  readonly kinds: ReadonlySet<string> | null
  readonly resolved: 'open' | 'resolved' | null
  readonly terms: readonly string[]
}

function selection(values: readonly string[] | undefined): ReadonlySet<string> | null {
  return values && values.length > 0 ? new Set(values) : null
}

function compile(filter: AnnotationFilter): CompiledFilter {
  return {
    authors: selection(filter.authors),
    colors: selection(filter.colors),
    tags: selection(filter.tags?.map(normalizeTag).filter((tag) => tag !== '')),
    kinds: selection(filter.kinds),
    resolved: filter.resolved === 'open' || filter.resolved === 'resolved' ? filter.resolved : null,
    terms: searchTerms(filter.text ?? ''),
  }
}

// Folding is the costly part of a search; annotations are immutable snapshots, so each is
// folded once for as long as it is unchanged.
const foldedOwnText = new WeakMap<Annotation, string>()
const foldedQuote = new WeakMap<Annotation, string>()
const normalizedTags = new WeakMap<Annotation, readonly string[]>()

function ownText(annotation: Annotation): string {
  let folded = foldedOwnText.get(annotation)
  if (folded === undefined) {
    const tags = annotation.tags.map((tag) => `#${tag}`).join(' ')
    folded = foldForSearch([annotation.body, tags, annotation.authorName].join('\n'))
    foldedOwnText.set(annotation, folded)
  }
  return folded
}

function quoteText(annotation: Annotation | undefined): string {
  if (annotation?.anchor === undefined) return ''
  let folded = foldedQuote.get(annotation)
  if (folded === undefined) {
    folded = foldForSearch(annotation.anchor.quote.exact)
    foldedQuote.set(annotation, folded)
  }
  return folded
}

function tagsOf(annotation: Annotation): readonly string[] {
  let tags = normalizedTags.get(annotation)
  if (tags === undefined) {
    tags = [...new Set(annotation.tags.map(normalizeTag))]
    normalizedTags.set(annotation, tags)
  }
  return tags
}

function resolvedState(subject: Subject): 'open' | 'resolved' {
  return subject.root?.resolved === true ? 'resolved' : 'open'
}

/**
 * A reply is in its thread's colour: it has no passage of its own, and older versions stored
 * the default colour of the moment in it. Only a reply whose thread is missing shows its own.
 */
function colorOf(subject: Subject): string {
  return (subject.root ?? subject.annotation).color
}

function valuesOf(subject: Subject, facet: Facet): readonly string[] {
  const { annotation } = subject
  switch (facet) {
    case 'authors':
      return [annotation.author]
    case 'colors':
      return [colorOf(subject)]
    case 'tags':
      return tagsOf(annotation)
    case 'kinds':
      return [annotation.kind]
    case 'resolved':
      return [resolvedState(subject)]
  }
}

/** Which facets (and the text) a subject satisfies, as bits. */
function passMask(subject: Subject, filter: CompiledFilter): number {
  const { annotation } = subject
  const { authors, colors, tags, kinds, resolved, terms } = filter
  let mask = 0
  if (authors === null || authors.has(annotation.author)) mask |= FACET_BIT.authors
  if (colors === null || colors.has(colorOf(subject))) mask |= FACET_BIT.colors
  if (tags === null || tagsOf(annotation).some((tag) => tags.has(tag))) mask |= FACET_BIT.tags
  if (kinds === null || kinds.has(annotation.kind)) mask |= FACET_BIT.kinds
  if (resolved === null || resolvedState(subject) === resolved) mask |= FACET_BIT.resolved
  if (terms.length === 0) return mask | FACET_BIT.text
  const own = ownText(annotation)
  const quote = quoteText(subject.root)
  if (terms.every((term) => own.includes(term) || quote.includes(term))) mask |= FACET_BIT.text
  return mask
}

/** Whether a subject fails at most one facet (and not the text): only then is it counted. */
function countsTowardsFacets(mask: number): boolean {
  const failed = ALL_BITS ^ mask
  return failed === 0 || (failed !== FACET_BIT.text && (failed & (failed - 1)) === 0)
}

function isThread(item: Annotation | AnnotationThread): item is AnnotationThread {
  return 'root' in item
}

/** The subjects of each item: a thread's root and replies, or one annotation. */
function subjectsOf(items: readonly (Annotation | AnnotationThread)[]): Subject[][] {
  const annotations = items.filter((item): item is Annotation => !isThread(item))
  const byId = new Map(annotations.map((annotation) => [annotation.id, annotation]))
  const rootOf = (annotation: Annotation): Annotation | undefined => {
    const seen = new Set<string>()
    let current: Annotation | undefined = annotation
    while (current?.kind === 'reply') {
      if (seen.has(current.id)) return undefined
      seen.add(current.id)
      current = current.replyTo === undefined ? undefined : byId.get(current.replyTo)
    }
    return current
  }
  return items.map((item) =>
    isThread(item)
      ? [item.root, ...item.replies].map((annotation) => ({ annotation, root: item.root }))
      : [{ annotation: item, root: rootOf(item) }],
  )
}

/**
 * The items that match. A thread matches when its root or any one reply matches on its own
 * (with the thread's resolved state and quoted passage), and is returned whole.
 */
export function filterAnnotations(
  items: readonly Annotation[],
  filter: AnnotationFilter,
): Annotation[]
export function filterAnnotations(
  items: readonly AnnotationThread[],
  filter: AnnotationFilter,
): AnnotationThread[]
export function filterAnnotations(
  items: readonly (Annotation | AnnotationThread)[],
  filter: AnnotationFilter,
): (Annotation | AnnotationThread)[] {
  const compiled = compile(filter)
  const subjects = subjectsOf(items)
  return items.filter((_, index) =>
    (subjects[index] ?? []).some((subject) => passMask(subject, compiled) === ALL_BITS),
  )
}

/** Whether one annotation matches on its own; give its thread's root for a reply's context. */
export function annotationMatches(
  annotation: Annotation,
  filter: AnnotationFilter,
  root: Annotation | undefined = annotation.kind === 'reply' ? undefined : annotation,
): boolean {
  return passMask({ annotation, root }, compile(filter)) === ALL_BITS
}

function byCountThenValue<T extends { readonly count: number }>(key: (item: T) => string) {
  return (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b))
}

export function countByFacet(
  items: readonly Annotation[] | readonly AnnotationThread[],
  filter: AnnotationFilter,
): FacetCounts {
  const compiled = compile(filter)
  const tallies = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()]))
  const authorNames = new Map<string, string>()
  let matchingAnyResolved = 0
  for (const subjects of subjectsOf(items)) {
    for (const { annotation } of subjects) authorNames.set(annotation.author, annotation.authorName)
    const masks = subjects.map((subject) => passMask(subject, compiled))
    if (!masks.some(countsTowardsFacets)) continue
    for (const facet of FACETS) {
      // An item counts once per value however many of its annotations carry it.
      let values: Iterable<string> | null = null
      subjects.forEach((subject, index) => {
        if (((masks[index] ?? 0) | FACET_BIT[facet]) !== ALL_BITS) return
        const own = valuesOf(subject, facet)
        values = values === null ? own : new Set([...values, ...own])
      })
      if (values === null) continue
      const tally = tallies[facet] as Map<string, number>
      for (const value of values as Iterable<string>) tally.set(value, (tally.get(value) ?? 0) + 1)
      if (facet === 'resolved') matchingAnyResolved += 1
    }
  }
  const tally = (facet: Facet) => tallies[facet] as Map<string, number>
  const countOf = (facet: Facet, value: string) => tally(facet).get(value) ?? 0
  const withSelected = (facet: Facet, selected: ReadonlySet<string> | null) => {
    const values = new Set(tally(facet).keys())
    for (const value of selected ?? []) values.add(value)
    return [...values]
  }
  return {
    authors: withSelected('authors', compiled.authors)
      .map((author) => ({
        author,
        authorName: authorNames.get(author) ?? author,
        count: countOf('authors', author),
      }))
      .sort(byCountThenValue((entry) => entry.authorName)),
    colors: Object.fromEntries(
      HIGHLIGHT_COLORS.map((color) => [color, countOf('colors', color)]),
    ) as Record<HighlightColor, number>,
    tags: withSelected('tags', compiled.tags)
      .map((tag) => ({ tag, count: countOf('tags', tag) }))
      .sort(byCountThenValue((entry) => entry.tag)),
    kinds: Object.fromEntries(
      AnnotationKind.options.map((kind) => [kind, countOf('kinds', kind)]),
    ) as Record<AnnotationKind, number>,
    resolved: {
      open: countOf('resolved', 'open'),
      resolved: countOf('resolved', 'resolved'),
      all: matchingAnyResolved,
    },
  }
}
