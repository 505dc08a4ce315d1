import { z } from 'zod'

/**
 * The annotation model of DESIGN.md ("Documents"): one entry per annotation inside
 * `Map('annotations')` of one of its author's documents, keyed by id (how an entry is stored:
 * annotation-entry.ts). These schemas validate what is read back, since a document may come
 * from another replica or an older version.
 */

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export const HighlightColor = z.enum(HIGHLIGHT_COLORS)
export type HighlightColor = z.infer<typeof HighlightColor>

/** Which of the author's documents holds the annotation: who may read it. */
export const Visibility = z.enum(['private', 'instructors', 'class'])
export type Visibility = z.infer<typeof Visibility>

export const AnnotationKind = z.enum(['highlight', 'comment', 'reply'])
export type AnnotationKind = z.infer<typeof AnnotationKind>

/** Tags offered first when tagging; any other tag may be typed. */
export const SUGGESTED_TAGS = ['question', 'definition', 'disagree', 'important'] as const

/** W3C Web Annotation TextQuoteSelector: the quoted text and ~32 characters either side. */
export const TextQuoteSelector = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>

/** W3C Web Annotation TextPositionSelector: offsets into the article's plain text. */
export const TextPositionSelector = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type TextPositionSelector = z.infer<typeof TextPositionSelector>

export const Anchor = z.object({
  /** Content hash of the article text the annotation was made on (its edition). */
  articleHash: z.string().min(1),
  /** Encoded `Y.RelativePosition`s (base64) into the article fragment: survive concurrent edits. */
  start: z.string().min(1),
  end: z.string().min(1),
  quote: TextQuoteSelector,
  position: TextPositionSelector,
})
export type Anchor = z.infer<typeof Anchor>

export const Annotation = z.object({
  id: z.string().min(1),
  kind: AnnotationKind,
  /** User id of the author: only they may write the document that holds it. */
  author: z.string().min(1),
  authorName: z.string(),
  color: HighlightColor,
  /** Markdown source, rendered as inert text plus safe links. */
  body: z.string(),
  tags: z.array(z.string()),
  /** For replies: the id of the annotation replied to (which may live in another user's doc). */
  replyTo: z.string().optional(),
  resolved: z.boolean().optional(),
  visibility: Visibility,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Absent on replies, which hang off their thread. */
  anchor: Anchor.optional(),
})
export type Annotation = z.infer<typeof Annotation>

/** Longest comment body accepted; past this the UI says so rather than freezing on it. */
export const MAX_BODY_CHARS = 100_000
export const MAX_TAG_CHARS = 64
export const MAX_TAGS = 20
