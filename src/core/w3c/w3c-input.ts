import { z } from 'zod'
import { AnnotationImportError } from './annotation-import-error'

/*
 * What annotation files hold, read leniently: W3C Web Annotations as any tool writes them (one,
 * a list, an AnnotationCollection or AnnotationPage), and Hypothesis's JSON (its API's search
 * result `{ rows }`, its client's export `{ annotations }`, or a bare list). Fields Hamish does
 * not use are let through untouched.
 */

/** Past this, a file is refused before it is parsed: 5,000 annotations take a few megabytes. */
export const MAX_ANNOTATION_IMPORT_CHARS = 20_000_000

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)])

export const TextQuoteSelectorInput = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
})

export const TextPositionSelectorInput = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})

/** Any selector: those Hamish cannot use (a RangeSelector's XPaths, say) are kept and ignored. */
const SelectorInput = z.looseObject({ type: z.string() })

const TargetInput = z.union([
  z.string(),
  z.looseObject({
    id: z.string().optional(),
    source: z.string().optional(),
    selector: oneOrMany(SelectorInput).optional(),
    'hamish:articleHash': z.string().optional(),
  }),
])
export type TargetInput = z.infer<typeof TargetInput>

const BodyInput = z.union([
  z.string(),
  z.looseObject({
    type: oneOrMany(z.string()).optional(),
    value: z.string().optional(),
    purpose: oneOrMany(z.string()).optional(),
  }),
])
export type BodyInput = z.infer<typeof BodyInput>

const AgentInput = z.union([
  z.string(),
  z.looseObject({
    id: z.string().optional(),
    name: z.string().optional(),
    nickname: z.string().optional(),
  }),
])
export type AgentInput = z.infer<typeof AgentInput>

const isAnnotationType = (type: unknown): boolean =>
  type === 'Annotation' ||
  type === 'oa:Annotation' ||
  (Array.isArray(type) && type.some((t) => t === 'Annotation' || t === 'oa:Annotation'))

export const W3CAnnotationInput = z.looseObject({
  id: z.string().min(1).optional(),
  type: z.unknown().refine(isAnnotationType, 'type must be "Annotation"'),
  motivation: oneOrMany(z.string()).optional(),
  body: oneOrMany(BodyInput).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(TargetInput),
  creator: oneOrMany(AgentInput).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  'hamish:color': z.string().optional(),
  'hamish:visibility': z.string().optional(),
  'hamish:resolved': z.boolean().optional(),
})
export type W3CAnnotationInput = z.infer<typeof W3CAnnotationInput>

export const HypothesisAnnotationInput = z.looseObject({
  id: z.string().min(1),
  created: z.string().optional(),
  updated: z.string().optional(),
  /** "acct:name@hypothes.is". */
  user: z.string(),
  uri: z.string().optional(),
  text: z.string().optional(),
  tags: z.array(z.string()).optional(),
  target: z.array(
    z.looseObject({
      source: z.string().optional(),
      selector: z.array(SelectorInput).optional(),
    }),
  ),
  /** The thread's ancestors, the thread's root first and the annotation replied to last. */
  references: z.array(z.string()).optional(),
  user_info: z.looseObject({ display_name: z.string().nullish() }).nullish(),
})
export type HypothesisAnnotationInput = z.infer<typeof HypothesisAnnotationInput>

export type AnnotationInput =
  | { format: 'w3c'; annotation: W3CAnnotationInput }
  | { format: 'hypothesis'; annotation: HypothesisAnnotationInput }

export type ItemReading = AnnotationInput | { problem: string }

const SHAPE_HELP =
  'Expected W3C Web Annotation JSON (an annotation, a list of them, an AnnotationCollection or ' +
  'an AnnotationPage) or Hypothesis JSON (its API result { "rows": [...] }, its export ' +
  '{ "annotations": [...] }, or a list of its annotations).'

/**
 * The items of an annotation file, each read as a W3C or a Hypothesis annotation or, when it is
 * neither, with the problem found. Throws for a file that is not JSON or not annotations at all.
 */
export function readAnnotationItems(source: string | unknown): ItemReading[] {
  return itemsOf(typeof source === 'string' ? parseJson(source) : source).map(readItem)
}

function parseJson(text: string): unknown {
  if (text.length > MAX_ANNOTATION_IMPORT_CHARS) {
    throw new AnnotationImportError(
      'too-large',
      `The file is too large to import (${formatSize(text.length)}; at most ` +
        `${formatSize(MAX_ANNOTATION_IMPORT_CHARS)}).`,
    )
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new AnnotationImportError('malformed-json', `The file is not valid JSON: ${detail}`)
  }
}

function formatSize(chars: number): string {
  return `${Math.round(chars / 100_000) / 10} million characters`
}

function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json
  if (typeof json !== 'object' || json === null) {
    throw new AnnotationImportError('wrong-shape', `The file holds no annotations. ${SHAPE_HELP}`)
  }
  const record = json as Record<string, unknown>
  const type = record['type']
  if (hasType(type, 'AnnotationCollection')) {
    const first = record['first']
    if (typeof first === 'string') {
      throw new AnnotationImportError(
        'wrong-shape',
        'The AnnotationCollection refers to its pages by address; export it with its ' +
          'annotations embedded ("first": { "items": [...] }).',
      )
    }
    const items = pageItems(first) ?? pageItems(record)
    if (items !== undefined) return items
    if (record['total'] === 0) return []
  }
  if (hasType(type, 'AnnotationPage')) {
    const items = pageItems(record)
    if (items !== undefined) return items
  }
  if (isAnnotationType(type)) return [json]
  if (Array.isArray(record['rows'])) return record['rows']
  if (Array.isArray(record['annotations'])) return record['annotations']
  throw new AnnotationImportError('wrong-shape', `The file holds no annotations. ${SHAPE_HELP}`)
}

function hasType(type: unknown, name: string): boolean {
  return type === name || (Array.isArray(type) && type.includes(name))
}

function pageItems(page: unknown): unknown[] | undefined {
  if (typeof page !== 'object' || page === null) return undefined
  const items = (page as Record<string, unknown>)['items']
  return Array.isArray(items) ? items : undefined
}

function readItem(item: unknown): ItemReading {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { problem: 'not an annotation object' }
  }
  const record = item as Record<string, unknown>
  if ('type' in record || 'motivation' in record) {
    const parsed = W3CAnnotationInput.safeParse(item)
    return parsed.success
      ? { format: 'w3c', annotation: parsed.data }
      : { problem: `not a valid W3C annotation: ${issues(parsed.error)}` }
  }
  if ('user' in record || 'uri' in record) {
    const parsed = HypothesisAnnotationInput.safeParse(item)
    return parsed.success
      ? { format: 'hypothesis', annotation: parsed.data }
      : { problem: `not a valid Hypothesis annotation: ${issues(parsed.error)}` }
  }
  return { problem: 'neither a W3C Web Annotation nor a Hypothesis annotation' }
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
}
