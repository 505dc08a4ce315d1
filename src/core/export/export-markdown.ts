import type { ListItem, RootContent } from 'mdast'
import type { Annotation } from '../annotations/annotation'
import { byCreation } from '../annotations/annotation-order'
import type { OrphanedReplies } from '../annotations/annotation-threads'
import { authorNames, type AuthorNames } from './author-names'
import { exportFrontMatter } from './export-front-matter'
import {
  exportLabels,
  fillLabel,
  type ExportInput,
  type ExportLabels,
  type MarkdownExportOptions,
} from './export-input'
import { commentBodiesBlocks, commentBodyBlocks, type CommentBlock } from './comment-body-mdast'
import { writeMarkdown } from './markdown-writer'
import { notebookMdast } from './notebook-mdast'
import { articleContext, placeThreads, type PlacedThread } from './placed-threads'
import { underSectionHeadings, type PlacedBlocks } from './section-headings'
import { studentSummaries, type StudentSummary } from './student-summary'
import { summaryTable } from './summary-table-mdast'
import {
  annotationItem,
  dayOf,
  headerLine,
  heading,
  minuteOf,
  passageBlockquote,
  strong,
  tagList,
  tightList,
} from './thread-mdast'

/**
 * Notes as CommonMark + GFM with YAML front matter, in one of three shapes:
 * - `my-notes`: the threads the exporting user took part in (their highlights and comments, and
 *   threads they replied to), each thread whole;
 * - `seminar-notes`: every thread in the input;
 * - `instructor-collection`: a summary table, then per student each of their annotations with
 *   the passage, its section, visibility, tags and time.
 * User text is built into a Markdown tree as text and escaped when written, so nothing a
 * comment holds can add a heading, quote, list item or table to the document.
 */
export function exportMarkdown(input: ExportInput, options: MarkdownExportOptions): string {
  const labels = exportLabels(input)
  const context = articleContext(input.article)
  const names = authorNames(input, labels)
  const placed = placeThreads(input.annotations, context)
  let threads = placed.threads.filter((thread) => wanted(thread, options))
  let orphans = placed.orphanedReplies
  if (options.shape === 'my-notes') {
    const me = input.me
    threads = threads.filter(
      (thread) => thread.root.author === me || thread.replies.some((reply) => reply.author === me),
    )
    orphans = orphans
      .map((group) => ({ ...group, replies: group.replies.filter((r) => r.author === me) }))
      .filter((group) => group.replies.length > 0)
  }
  // Only the bodies this export writes: "my notes" of a large seminar parse a few of them.
  const written = [
    ...threads.flatMap((thread) => [thread.root, ...thread.replies]),
    ...orphans.flatMap((group) => group.replies),
  ]
  const shared: Shared = { labels, names, options, bodies: bodyBlocks(written) }

  const children: RootContent[] = [heading(1, oneLine(input.article.meta.title))]
  switch (options.shape) {
    case 'my-notes':
    case 'seminar-notes':
      children.push(...notes(threads, orphans, shared))
      break
    case 'instructor-collection':
      children.push(...collection(studentSummaries(placed, names), threads, orphans, shared))
      break
  }
  if (options.includeNotebook && input.notebook !== undefined) {
    const notebook = notebookMdast(input.notebook, 2)
    if (notebook.length > 0) children.push(heading(2, labels.notebook), ...notebook)
  }

  const frontMatter = exportFrontMatter({
    meta: input.article.meta,
    articleHash: context.hash,
    shape: options.shape,
    seminar: input.seminar,
    exportedAt: input.exportedAt,
    exporterVersion: input.exporterVersion,
  })
  return `${frontMatter}\n\n${writeMarkdown({ type: 'root', children })}\n`
}

interface Shared {
  readonly labels: ExportLabels
  readonly names: AuthorNames
  readonly options: MarkdownExportOptions
  /** Each annotation's body as Markdown blocks, by annotation id. */
  readonly bodies: ReadonlyMap<string, readonly CommentBlock[]>
}

/** Every body at once: the parser is set up once for all the comments that need it. */
function bodyBlocks(annotations: readonly Annotation[]): Map<string, readonly CommentBlock[]> {
  const blocks = commentBodiesBlocks(annotations.map((annotation) => annotation.body))
  return new Map(annotations.map((annotation, index) => [annotation.id, blocks[index] ?? []]))
}

function bodyOf(annotation: Annotation, shared: Shared): readonly CommentBlock[] {
  return shared.bodies.get(annotation.id) ?? commentBodyBlocks(annotation.body)
}

function wanted(thread: PlacedThread, options: MarkdownExportOptions): boolean {
  if (thread.root.resolved === true && !options.includeResolved) return false
  const bareHighlight = thread.root.kind === 'highlight' && thread.replies.length === 0
  return options.includeHighlights || !bareHighlight
}

// ---- My notes and the seminar's notes ----------------------------------------------------------

function notes(
  threads: readonly PlacedThread[],
  orphans: readonly OrphanedReplies[],
  shared: Shared,
): RootContent[] {
  const { labels, names, options } = shared
  const entry = (thread: PlacedThread): PlacedBlocks => ({
    place: thread.place,
    blocks: threadBlocks(thread, shared),
  })
  const grouped = (
    keyOf: (thread: PlacedThread) => string,
    title: (key: string) => string,
    order: (a: string, b: string) => number,
    within: (a: PlacedThread, b: PlacedThread) => number,
  ): RootContent[] =>
    [...groupBy(threads, keyOf)]
      .sort(([a], [b]) => order(a, b))
      .flatMap(([key, group]) => [
        heading(2, title(key)),
        ...underSectionHeadings([...group].sort(within).map(entry), 3, labels),
      ])

  const out: RootContent[] =
    options.groupBy === 'section'
      ? underSectionHeadings(threads.map(entry), 2, labels)
      : options.groupBy === 'author'
        ? grouped(
            (thread) => thread.root.author,
            (author) => names.nameOf(author),
            (a, b) => names.nameOf(a).localeCompare(names.nameOf(b), undefined, { numeric: true }),
            () => 0,
          )
        : grouped(
            (thread) => dayOf(thread.root.createdAt),
            (day) => day,
            compareText,
            (a, b) => byCreation(a.root, b.root),
          )

  const orphanItems = orphans.flatMap((group) => group.replies.map((r) => noteItem(r, shared)))
  if (orphanItems.length > 0) out.push(heading(2, labels.orphanedReplies), tightList(orphanItems))
  return out
}

function threadBlocks(thread: PlacedThread, shared: Shared): RootContent[] {
  const replies = thread.replies.map((reply) => noteItem(reply, shared))
  const root = noteItem(thread.root, shared, replies)
  const quote = thread.root.anchor?.quote.exact
  return [...(quote === undefined ? [] : [passageBlockquote(quote)]), tightList([root])]
}

/** "**Hanan** · 2026-11-28 · #definition — the comment", as DESIGN.md sketches it. */
function noteItem(annotation: Annotation, shared: Shared, nested: ListItem[] = []): ListItem {
  const { labels, names } = shared
  const header = headerLine([
    strong(names.nameOf(annotation.author)),
    dayOf(annotation.createdAt),
    annotation.kind === 'highlight' ? labels.kind.highlight : null,
    tagList(annotation.tags),
    annotation.resolved === true ? labels.resolved : null,
  ])
  return annotationItem(header, bodyOf(annotation, shared), nested)
}

// ---- The instructor's collection -----------------------------------------------------------------

function collection(
  summaries: readonly StudentSummary[],
  threads: readonly PlacedThread[],
  orphans: readonly OrphanedReplies[],
  shared: Shared,
): RootContent[] {
  const { labels, options } = shared
  const byId = new Map(
    threads.flatMap((thread) => [thread.root, ...thread.replies]).map((a) => [a.id, a]),
  )
  // The threads each person wrote in, in reading order: each student's section then reads only
  // those, not every thread of the seminar.
  const threadsOf = new Map<string, PlacedThread[]>()
  for (const thread of threads) {
    for (const author of new Set([thread.root, ...thread.replies].map((a) => a.author))) {
      const list = threadsOf.get(author)
      if (list) list.push(thread)
      else threadsOf.set(author, [thread])
    }
  }
  const out: RootContent[] = [heading(2, labels.summary), summaryTable(summaries, labels)]
  for (const student of summaries) {
    const own = (annotation: Annotation): boolean =>
      annotation.author === student.userId &&
      (annotation.kind !== 'highlight' || options.includeHighlights)
    const entries = (threadsOf.get(student.userId) ?? []).flatMap((thread) => {
      const theirs = [thread.root, ...thread.replies].filter(own)
      const first = theirs[0]
      if (first === undefined) return []
      const quote = thread.root.anchor?.quote.exact
      const blocks: RootContent[] = [
        ...(quote === undefined ? [] : [passageBlockquote(quote)]),
        tightList(theirs.map((a) => collectionItem(a, byId, shared))),
      ]
      return [{ place: thread.place, blocks, first }]
    })
    if (options.groupBy === 'date') entries.sort((a, b) => byCreation(a.first, b.first))
    out.push(heading(2, student.name), ...underSectionHeadings(entries, 3, labels))

    const theirOrphans = orphans.flatMap((group) => group.replies.filter(own))
    if (theirOrphans.length > 0) {
      out.push(
        heading(3, labels.orphanedReplies),
        tightList(theirOrphans.map((a) => collectionItem(a, byId, shared))),
      )
    }
  }
  return out
}

/** "**Comment** · class · 2026-11-28 14:03 UTC · #definition — the comment". */
function collectionItem(
  annotation: Annotation,
  byId: ReadonlyMap<string, Annotation>,
  shared: Shared,
): ListItem {
  const { labels, names } = shared
  const parent = annotation.replyTo === undefined ? undefined : byId.get(annotation.replyTo)
  const kind =
    annotation.kind === 'reply' && parent !== undefined
      ? fillLabel(labels.replyTo, { name: names.nameOf(parent.author) })
      : labels.kind[annotation.kind]
  const header = headerLine([
    strong(kind),
    labels.visibility[annotation.visibility],
    minuteOf(annotation.createdAt),
    tagList(annotation.tags),
    annotation.resolved === true ? labels.resolved : null,
  ])
  return annotationItem(header, bodyOf(annotation, shared))
}

// ---- Small helpers -------------------------------------------------------------------------------

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return groups
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}
