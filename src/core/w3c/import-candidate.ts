import {
  HighlightColor,
  MAX_BODY_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  Visibility,
  type AnnotationKind,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../annotations/annotation'
import { normalizeBody, normalizeTag } from '../annotations/annotation-input'
import { annotationIdFromIri, userIdFromIri } from './annotation-iri'
import {
  readAnnotationItems,
  TextPositionSelectorInput,
  TextQuoteSelectorInput,
  type AgentInput,
  type BodyInput,
  type HypothesisAnnotationInput,
  type TargetInput,
  type W3CAnnotationInput,
} from './w3c-input'

/** One annotation read from a file, before it is anchored in the open article. */
export interface ImportCandidate {
  readonly id: string
  /** How other annotations in the file refer to it (its IRI, or Hypothesis's id). */
  readonly ref: string
  readonly kind: AnnotationKind
  readonly body: string
  readonly tags: readonly string[]
  /** For replies: the `ref` of the annotation replied to. */
  readonly replyToRef?: string | undefined
  readonly quote?: TextQuoteSelector | undefined
  /** In the file's units: W3C code points, or Hypothesis's UTF-16 offsets. */
  readonly position?: TextPositionSelector | undefined
  /** The edition the passage was selected in, when the file says. */
  readonly articleHash?: string | undefined
  /** The document the passage was selected in, when the file says. */
  readonly source?: string | undefined
  readonly createdAt: string
  readonly updatedAt: string
  readonly creator: { readonly id?: string | undefined; readonly name: string }
  readonly color?: HighlightColor | undefined
  readonly visibility?: Visibility | undefined
  readonly resolved?: boolean | undefined
  readonly format: 'w3c' | 'hypothesis'
}

export interface CandidateOptions {
  readonly baseId?: string | undefined
  /** Stands in for a missing creation time. */
  readonly now: Date
  /** Stands in for a missing creator. */
  readonly user: { readonly id: string; readonly name: string }
}

interface CandidateContext extends CandidateOptions {
  /** The item's place in the file, 0 first. */
  readonly index: number
}

export interface CandidateReading {
  readonly candidates: readonly ImportCandidate[]
  /** Items that are not annotations Hamish can hold, by their place in the file. */
  readonly invalid: readonly { readonly index: number; readonly problem: string }[]
  /** Each candidate's place in the file, by `ref`. */
  readonly indexOf: ReadonlyMap<string, number>
}

/**
 * The annotations of a file (its text, or JSON already parsed), each read as far as it can be
 * without the article; an item that cannot be an annotation is set aside with the reason.
 *
 * @throws AnnotationImportError when the file is too large, not JSON, or not annotations at all.
 */
export function readCandidates(
  source: string | unknown,
  options: CandidateOptions,
): CandidateReading {
  const candidates: ImportCandidate[] = []
  const invalid: { index: number; problem: string }[] = []
  const indexOf = new Map<string, number>()
  readAnnotationItems(source).forEach((reading, index) => {
    if ('problem' in reading) {
      invalid.push({ index, problem: reading.problem })
      return
    }
    try {
      const context = { ...options, index }
      const candidate =
        reading.format === 'w3c'
          ? fromW3CInput(reading.annotation, context)
          : fromHypothesisInput(reading.annotation, context)
      const earlier = indexOf.get(candidate.ref)
      if (earlier !== undefined) {
        invalid.push({ index, problem: `the same id as item ${earlier}: ${candidate.ref}` })
        return
      }
      indexOf.set(candidate.ref, index)
      candidates.push(candidate)
    } catch (error) {
      if (!(error instanceof CandidateProblem)) throw error
      invalid.push({ index, problem: error.message })
    }
  })
  return { candidates, invalid, indexOf }
}

/** Thrown for an item that reads but cannot be an annotation; the message goes in the report. */
class CandidateProblem extends Error {}

// ---- W3C ---------------------------------------------------------------------------------------

function fromW3CInput(annotation: W3CAnnotationInput, context: CandidateContext): ImportCandidate {
  const ref = annotation.id ?? `#${context.index}`
  const motivations = asArray(annotation.motivation)
  const bodies = asArray(annotation.body)
  const targets = asArray(annotation.target)
  const tags = bodies.flatMap((body) =>
    isTagging(body, motivations) && typeof body !== 'string' && body.value ? [body.value] : [],
  )
  const texts = [
    ...bodies.flatMap((body) =>
      !isTagging(body, motivations) && typeof body !== 'string' && body.value ? [body.value] : [],
    ),
    ...(annotation.bodyValue ? [annotation.bodyValue] : []),
  ]
  const body = cleanBody(texts.join('\n\n'))

  const selected = targets.find((target) => typeof target !== 'string' && target.selector)
  const target = typeof selected === 'string' ? undefined : selected
  const firstTarget = targets[0]
  const replyToRef = motivations.includes('replying') ? targetRef(firstTarget) : undefined
  const kind: AnnotationKind =
    replyToRef !== undefined ? 'reply' : body !== '' ? 'comment' : 'highlight'
  if (kind === 'reply' && body === '') throw new CandidateProblem('a reply without text')

  const created = timestamp(annotation.created, 'created') ?? context.now.toISOString()
  const color = HighlightColor.safeParse(annotation['hamish:color'])
  const visibility = Visibility.safeParse(annotation['hamish:visibility'])
  return {
    id: annotationIdFromIri(ref, context.baseId),
    ref,
    kind,
    body,
    tags: cleanTags(tags),
    replyToRef,
    ...selectorsOf(target?.selector),
    articleHash: target?.['hamish:articleHash'],
    source: target?.source ?? (typeof firstTarget === 'string' ? firstTarget : firstTarget?.id),
    createdAt: created,
    updatedAt: timestamp(annotation.modified, 'modified') ?? created,
    creator: creatorOf(asArray(annotation.creator)[0], context),
    color: color.success ? color.data : undefined,
    visibility: visibility.success ? visibility.data : undefined,
    resolved: annotation['hamish:resolved'],
    format: 'w3c',
  }
}

function isTagging(body: BodyInput, motivations: readonly string[]): boolean {
  if (typeof body === 'string') return false
  const purposes = asArray(body.purpose)
  // An annotation whose only motivation is tagging has tag bodies that need not say so.
  return purposes.includes('tagging') || (purposes.length === 0 && motivations.join() === 'tagging')
}

function targetRef(target: TargetInput | undefined): string | undefined {
  if (target === undefined) return undefined
  return typeof target === 'string' ? target : (target.id ?? target.source)
}

function creatorOf(agent: AgentInput | undefined, context: CandidateContext) {
  if (agent === undefined) return { id: context.user.id, name: context.user.name }
  if (typeof agent === 'string') return { id: userIdFromIri(agent), name: agent }
  const id = agent.id === undefined ? undefined : userIdFromIri(agent.id)
  return { id, name: agent.name ?? agent.nickname ?? id ?? context.user.name }
}

// ---- Hypothesis --------------------------------------------------------------------------------

function fromHypothesisInput(
  annotation: HypothesisAnnotationInput,
  context: CandidateContext,
): ImportCandidate {
  const replyToRef = annotation.references?.at(-1)
  const body = cleanBody(annotation.text ?? '')
  const kind: AnnotationKind =
    replyToRef !== undefined ? 'reply' : body !== '' ? 'comment' : 'highlight'
  if (kind === 'reply' && body === '') throw new CandidateProblem('a reply without text')
  const target = annotation.target.find((candidate) => candidate.selector) ?? annotation.target[0]
  const created = timestamp(annotation.created, 'created') ?? context.now.toISOString()
  const account = /^acct:([^@]+)@/u.exec(annotation.user)?.[1]
  return {
    id: annotation.id,
    ref: annotation.id,
    kind,
    body,
    tags: cleanTags(annotation.tags ?? []),
    replyToRef,
    ...selectorsOf(target?.selector),
    source: target?.source ?? annotation.uri,
    createdAt: created,
    updatedAt: timestamp(annotation.updated, 'updated') ?? created,
    creator: {
      id: annotation.user,
      name: annotation.user_info?.display_name || account || annotation.user,
    },
    format: 'hypothesis',
  }
}

// ---- Shared ------------------------------------------------------------------------------------

function selectorsOf(selectors: unknown): {
  quote?: TextQuoteSelector
  position?: TextPositionSelector
} {
  const list: readonly unknown[] = Array.isArray(selectors) ? selectors : [selectors]
  const quote = list.map((s) => TextQuoteSelectorInput.safeParse(s)).find((r) => r.success)?.data
  const position = list
    .map((s) => TextPositionSelectorInput.safeParse(s))
    .find((r) => r.success && r.data.end > r.data.start)?.data
  return {
    ...(quote && quote.exact !== ''
      ? { quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' } }
      : {}),
    ...(position ? { position: { start: position.start, end: position.end } } : {}),
  }
}

function cleanBody(text: string): string {
  try {
    return normalizeBody(text, { allowEmpty: true })
  } catch {
    throw new CandidateProblem(`its text is longer than ${MAX_BODY_CHARS} characters`)
  }
}

/** Tags as the store keeps them; more than it allows is a problem to report, not to trim. */
function cleanTags(tags: readonly string[]): string[] {
  const unique = [...new Set(tags.map(normalizeTag).filter((tag) => tag !== ''))]
  if (unique.length > MAX_TAGS) throw new CandidateProblem(`more than ${MAX_TAGS} tags`)
  const long = unique.find((tag) => [...tag].length > MAX_TAG_CHARS)
  if (long !== undefined) {
    throw new CandidateProblem(`a tag longer than ${MAX_TAG_CHARS} characters`)
  }
  return unique
}

/** An ISO 8601 timestamp, normalised; undefined when absent; a problem when unreadable. */
function timestamp(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined
  const time = Date.parse(value)
  if (Number.isNaN(time)) throw new CandidateProblem(`its ${field} time is not a date: ${value}`)
  return new Date(time).toISOString()
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}
