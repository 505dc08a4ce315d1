import { z } from 'zod'
import { pmNodeProblem } from './pm-node-check'

/** Text direction of one block, decided from its first strong character (Unicode bidi P2–P3). */
export const BlockDirection = z.enum(['rtl', 'ltr'])
export type BlockDirection = z.infer<typeof BlockDirection>

/**
 * What a block is for, beyond its node type: lets the reader style the title, bylines and
 * keywords, and lets exporters find them, without inventing a node type for each.
 */
export const BlockRole = z.enum([
  'title',
  'author',
  'email',
  'affiliation',
  'abstract',
  'keywords',
  'references',
])
export type BlockRole = z.infer<typeof BlockRole>

export interface PMMark {
  type: string
  attrs?: Record<string, unknown>
}

/** ProseMirror JSON, as `Node.toJSON()` writes it. */
export interface PMNode {
  type: string
  attrs?: Record<string, unknown>
  content?: PMNode[]
  text?: string
  marks?: PMMark[]
}

/**
 * ProseMirror JSON, checked by `pmNodeProblem` rather than a recursive zod schema (pm-node-check.ts
 * says why). Keys it does not know are kept, as `Node.fromJSON` ignores them.
 */
export const PMNodeSchema: z.ZodType<PMNode> = z.custom<PMNode>().superRefine((value, ctx) => {
  const problem = pmNodeProblem(value)
  if (!problem) return
  // Not continuable: a refinement after this one may rely on the shape.
  ctx.addIssue({
    code: 'custom',
    message: problem.message,
    path: [...problem.path],
    continue: false,
  })
})

export const ArticleMetaSchema = z.object({
  /** Title in the article's own language. */
  title: z.string(),
  /** English title, when the article carries one (an English abstract page). */
  titleEn: z.string().optional(),
  authors: z.array(z.string()),
  authorsEn: z.array(z.string()),
  affiliation: z.string().optional(),
  affiliationEn: z.string().optional(),
  emails: z.array(z.string()),
  sourceUrl: z.string().optional(),
  /** The retrieval date exactly as the source printed it, e.g. "2026/06/09 11:22 +03". */
  retrieved: z.string().optional(),
  journal: z.string().optional(),
  keywords: z.array(z.string()),
  keywordsEn: z.array(z.string()),
  /** BCP 47 tag of the main language, e.g. "ar". */
  language: z.string(),
  /** The publisher's header and licence paragraphs, verbatim, kept out of the body. */
  publisherNotice: z.array(z.string()),
})
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>

export const ArticleDocSchema = z.object({
  meta: ArticleMetaSchema,
  /** A ProseMirror `doc` node in the schema of `src/editor/article-schema`. */
  content: PMNodeSchema.refine((node) => node.type === 'doc', 'content must be a doc node'),
})
export type ArticleDoc = z.infer<typeof ArticleDocSchema>

export type ArticleFormat = 'txt' | 'md' | 'html'
