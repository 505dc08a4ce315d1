import type { RangeSelectors } from '../anchoring/text-selectors'
import type { AnnotationKind, HighlightColor, Visibility } from '../annotations/annotation'
import type { ArticleDoc } from '../article/article-doc'
import { annotationIdFromIri } from './annotation-iri'
import { readCandidates, type ImportCandidate } from './import-candidate'
import { passageAnchorer, type PassageOutcome, type UnanchoredReason } from './passage-anchoring'

export type { UnanchoredReason } from './passage-anchoring'

/**
 * An annotation ready for the store to create: for a highlight or comment, its passage in the
 * open article as text offsets and quote (the caller makes the Yjs relative positions, which
 * need the article's fragment); for a reply, the annotation it answers.
 */
export interface ImportedAnnotation {
  /** The id it had where it came from: a Hamish id, else the other tool's id or IRI. */
  readonly id: string
  readonly kind: AnnotationKind
  readonly body: string
  readonly tags: readonly string[]
  /**
   * For replies: the `id` of the annotation replied to. It is earlier in `imported`, or was not
   * in the file at all (it may already be in the seminar: the caller checks).
   */
  readonly replyTo?: string | undefined
  /** For highlights and comments: the passage, in the open article's plain text. */
  readonly selectors?: RangeSelectors | undefined
  readonly createdAt: string
  readonly updatedAt: string
  /** Who wrote it, as the file says (a Hamish user id, or another tool's account). */
  readonly creator: { readonly id?: string | undefined; readonly name: string }
  readonly color?: HighlightColor | undefined
  readonly visibility?: Visibility | undefined
  readonly resolved?: boolean | undefined
  readonly format: 'w3c' | 'hypothesis'
}

export interface ImportReport {
  /** How many annotations were imported (`imported.length`). */
  readonly anchored: number
  readonly unanchored: readonly {
    readonly id: string
    readonly quote: string | null
    readonly reason: UnanchoredReason
  }[]
  /** Annotations on another document or edition whose quotes are not in this one. */
  readonly otherArticle: readonly { readonly id: string; readonly reason: string }[]
  /** Items that are not annotations Hamish can hold, by their place in the file (0 first). */
  readonly invalid: readonly { readonly index: number; readonly problem: string }[]
}

export interface AnnotationImport {
  /** Content hash of the article the selectors point into. */
  readonly articleHash: string
  /** Highlights and comments in reading order, then replies, each after what it replies to. */
  readonly imported: readonly ImportedAnnotation[]
  readonly report: ImportReport
}

export interface FromW3COptions {
  /** The open article: annotations are anchored in it. */
  readonly article: ArticleDoc
  /** The importing user: the creator of annotations whose file names none. */
  readonly user: { readonly id: string; readonly name: string }
  /** The address the article was exported under, if not its source URL or content URN. */
  readonly articleUrl?: string | undefined
  /** The base IRI annotation ids were exported under, if one was given to `toW3C`. */
  readonly baseId?: string | undefined
  /** Stands in for missing creation times. */
  readonly now?: Date | undefined
}

/**
 * Reads W3C Web Annotations or Hypothesis JSON and anchors each annotation in the open article
 * by its quote. What cannot be anchored, or belongs to another article, is reported and left
 * out, with its replies: nothing is attached to a passage it was not written about.
 *
 * @throws AnnotationImportError when the file is too large, not JSON, or not annotations at all.
 */
export function fromW3C(json: string | unknown, options: FromW3COptions): AnnotationImport {
  const { candidates, invalid, indexOf } = readCandidates(json, {
    baseId: options.baseId,
    now: options.now ?? new Date(),
    user: options.user,
  })
  const anchorer = passageAnchorer(options.article, { articleUrl: options.articleUrl })

  // A reply goes wherever its thread's root goes.
  const outcomes = new Map<ImportCandidate, Outcome>()
  for (const candidate of candidates) {
    if (candidate.kind !== 'reply') outcomes.set(candidate, anchorer.anchor(candidate))
  }
  const byRef = new Map(candidates.map((candidate) => [candidate.ref, candidate]))
  const depthOf = new Map<ImportCandidate, number>()
  const problems = [...invalid]
  for (const candidate of candidates) {
    if (candidate.kind !== 'reply') continue
    const thread = threadOf(candidate, byRef)
    if (thread === 'loop') {
      problems.push({
        index: indexOf.get(candidate.ref) ?? -1,
        problem: 'its replies go round in a circle',
      })
      continue
    }
    depthOf.set(candidate, thread.depth)
    outcomes.set(candidate, replyOutcome(thread.root && outcomes.get(thread.root)))
  }

  const imported: ImportedAnnotation[] = []
  const unanchored: ImportReport['unanchored'][number][] = []
  const otherArticle: ImportReport['otherArticle'][number][] = []
  for (const candidate of inImportOrder(candidates, outcomes, depthOf)) {
    const outcome = outcomes.get(candidate)
    if (outcome === undefined) continue
    if (outcome.status === 'unanchored') {
      const quote = candidate.quote?.exact ?? null
      unanchored.push({ id: candidate.id, quote, reason: outcome.reason })
    } else if (outcome.status === 'other') {
      otherArticle.push({ id: candidate.id, reason: outcome.reason })
    } else {
      const { replyToRef } = candidate
      imported.push({
        id: candidate.id,
        kind: candidate.kind,
        body: candidate.body,
        tags: candidate.tags,
        replyTo:
          replyToRef === undefined
            ? undefined
            : (byRef.get(replyToRef)?.id ?? annotationIdFromIri(replyToRef, options.baseId)),
        selectors: outcome.selectors,
        createdAt: candidate.createdAt,
        updatedAt: candidate.updatedAt,
        creator: candidate.creator,
        color: candidate.color,
        visibility: candidate.visibility,
        resolved: candidate.resolved,
        format: candidate.format,
      })
    }
  }
  problems.sort((a, b) => a.index - b.index)
  return {
    articleHash: anchorer.articleHash,
    imported,
    report: { anchored: imported.length, unanchored, otherArticle, invalid: problems },
  }
}

/** A passage's outcome, or a reply's, which has no passage of its own. */
type Outcome = PassageOutcome | { status: 'anchored'; selectors?: undefined }

function replyOutcome(root: Outcome | undefined): Outcome {
  // A reply to an annotation not in the file may answer one already in the seminar.
  if (root === undefined || root.status === 'anchored') return { status: 'anchored' }
  return root.status === 'other'
    ? { status: 'other', reason: 'a reply in a thread on another article' }
    : { status: 'unanchored', reason: 'thread-not-anchored' }
}

/** The root a reply's chain leads to (undefined when not in the file), and how deep it is. */
function threadOf(
  reply: ImportCandidate,
  byRef: ReadonlyMap<string, ImportCandidate>,
): { root: ImportCandidate | undefined; depth: number } | 'loop' {
  const seen = new Set<ImportCandidate>([reply])
  let current = reply
  let depth = 0
  while (current.kind === 'reply') {
    const parent = current.replyToRef === undefined ? undefined : byRef.get(current.replyToRef)
    depth++
    if (parent === undefined) return { root: undefined, depth }
    if (seen.has(parent)) return 'loop'
    seen.add(parent)
    current = parent
  }
  return { root: current, depth }
}

/** Roots in reading order, then replies by depth and time: every parent before its replies. */
function inImportOrder(
  candidates: readonly ImportCandidate[],
  outcomes: ReadonlyMap<ImportCandidate, Outcome>,
  depthOf: ReadonlyMap<ImportCandidate, number>,
): ImportCandidate[] {
  const startOf = (candidate: ImportCandidate): number => {
    const outcome = outcomes.get(candidate)
    return outcome?.status === 'anchored'
      ? (outcome.selectors?.position.start ?? Infinity)
      : Infinity
  }
  const roots = candidates
    .filter((candidate) => candidate.kind !== 'reply')
    .sort((a, b) => startOf(a) - startOf(b) || compareText(a.createdAt, b.createdAt))
  const replies = candidates
    .filter((candidate) => candidate.kind === 'reply')
    .sort(
      (a, b) =>
        (depthOf.get(a) ?? 0) - (depthOf.get(b) ?? 0) || compareText(a.createdAt, b.createdAt),
    )
  return [...roots, ...replies]
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
