import { z } from 'zod'
import type { AnnotationThread } from './annotation-threads'

/**
 * What a reader's annotation document holds, sorted by where in the article each entry sits, so
 * that opening the article can draw the screen's highlights and cards from the few entries near
 * it instead of decoding the whole document first (a class of 5,000 annotations took ~300 ms to
 * decode and read, before anything could be drawn: docs/benchmarks.md, Scale).
 *
 * It is kept beside the document's state in IndexedDB, written in the same transaction as that
 * state, and read only while it describes exactly what is stored (collab/first-screen-store.ts).
 * The entries are the stored JSON texts, read through the same validation as the document's.
 */

/** A stretch of the article's plain text, as offsets into it. */
export interface TextSpan {
  readonly start: number
  readonly end: number
}

/** When a bucket is full: once it holds this many entries, or this much text, whichever first. */
export interface BucketLimit {
  readonly entries: number
  /** In characters of the bucket's JSON text. */
  readonly characters: number
}

/**
 * Buckets by the length of their text alone. Only the buckets near the screen are read and
 * parsed, but each is one IndexedDB record, and Chromium reads a record of 64 KiB or more (kept as
 * a blob beside its database) several times faster than a smaller one (kept inside it): the first
 * screen's 550,000 characters of entries took 45 ms to read as 23 buckets of 32 entries, 12 ms as
 * 6 buckets of 92,000 characters (measured in the page), and while that read ran, the article's
 * own read waited behind it. Counted in characters, one byte or two each in the stored value, so
 * that a bucket is over the line whatever script its text is in.
 */
export const BUCKET_LIMIT: BucketLimit = { entries: Infinity, characters: 66_000 }

const BucketSpan = z.object({
  /** The least start and the greatest end of its entries' passages. */
  start: z.number(),
  end: z.number(),
})

export const FIRST_SCREEN_INDEX_FORMAT = 2

/** What is read first: the state it describes, and where each bucket's entries lie. */
export const FirstScreenIndex = z.object({
  format: z.literal(FIRST_SCREEN_INDEX_FORMAT),
  /** The IndexedDB key of the stored state it describes. */
  entryKey: z.number(),
  buckets: z.array(BucketSpan),
})
export type FirstScreenIndex = z.infer<typeof FirstScreenIndex>

/** An index as written: its head, and each bucket's entries as the JSON text of `[id, text][]`. */
export interface BuiltFirstScreenIndex {
  readonly head: FirstScreenIndex
  readonly buckets: readonly string[]
}

/**
 * Whether a parsed bucket is what an index writes, `[id, stored text][]`. Checked by hand: zod's
 * tuples, without the compiled path the page's content-security policy turns off, were about a
 * fifth of the time reading the first screen's buckets took.
 */
function isBucketEntries(value: unknown): value is [string, string][] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        typeof entry[1] === 'string',
    )
  )
}

/**
 * Where each annotation's passage lies, by the offsets it recorded when it was made; a reply
 * lies where its thread does.
 */
export function threadSpans(threads: readonly AnnotationThread[]): Map<string, TextSpan> {
  const spans = new Map<string, TextSpan>()
  for (const { root, replies } of threads) {
    const position = root.anchor?.position
    if (!position) continue
    spans.set(root.id, position)
    for (const reply of replies) spans.set(reply.id, position)
  }
  return spans
}

/**
 * The index of one document's entries. Entries with no span (unreadable ones, replies whose
 * thread is nowhere to be seen, entries not stored as text) are left out: the first screen is
 * drawn without them, and the whole document, read next, has them.
 */
export function buildFirstScreenIndex(
  entries: Iterable<readonly [string, unknown]>,
  spans: ReadonlyMap<string, TextSpan>,
  entryKey: number,
  limit: BucketLimit = BUCKET_LIMIT,
): BuiltFirstScreenIndex {
  const placed: { json: string; span: TextSpan }[] = []
  for (const [id, value] of entries) {
    const span = spans.get(id)
    if (span && typeof value === 'string') placed.push({ json: JSON.stringify([id, value]), span })
  }
  placed.sort((a, b) => a.span.start - b.span.start)
  const spansOfBuckets: TextSpan[] = []
  const buckets: string[] = []
  let members: typeof placed = []
  let length = 0
  const close = () => {
    spansOfBuckets.push({
      start: members[0]!.span.start,
      end: Math.max(...members.map(({ span }) => span.end)),
    })
    // The JSON text of `[id, text][]`, as JSON.stringify would write it.
    buckets.push(`[${members.map(({ json }) => json).join(',')}]`)
    members = []
    length = 0
  }
  for (const entry of placed) {
    members.push(entry)
    length += entry.json.length + 1
    if (members.length >= limit.entries || length >= limit.characters) close()
  }
  if (members.length > 0) close()
  return {
    head: { format: FIRST_SCREEN_INDEX_FORMAT, entryKey, buckets: spansOfBuckets },
    buckets,
  }
}

/** The stored head of an index, or null when it is not one this version can read. */
export function readFirstScreenIndex(value: unknown): FirstScreenIndex | null {
  const parsed = FirstScreenIndex.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** The buckets whose entries reach into `window`, by number. */
export function bucketsNear(index: FirstScreenIndex, window: TextSpan): number[] {
  const near: number[] = []
  index.buckets.forEach((bucket, i) => {
    if (bucket.start <= window.end && bucket.end >= window.start) near.push(i)
  })
  return near
}

/**
 * A stored bucket's entries, as `[id, stored text]`; null when it does not hold what an index
 * writes (then the index is not to be trusted).
 */
export function readBucket(stored: unknown): (readonly [string, string])[] | null {
  if (typeof stored !== 'string') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(stored)
  } catch {
    return null
  }
  return isBucketEntries(parsed) ? parsed : null
}
