import type { ArticleBlock, Inline, InlineMark, ListItemBlock } from './article-blocks'
import { blockText, hasVisibleText, inlineText } from './article-blocks'
import type { ArticleDoc, ArticleMeta, BlockDirection, PMMark, PMNode } from './article-doc'
import { ArticleDocSchema } from './article-doc'
import { ArticleImportError, describeSource } from './article-import-error'
import { firstStrongDirection } from './bidi'
import { directionOfLanguage, languageOfDominantDirection } from './document-language'

export interface ArticleDraft {
  blocks: ArticleBlock[]
  /** What the importer found; the title falls back to the first heading or line, the language to the text. */
  meta: Partial<ArticleMeta>
  /** For error messages only. */
  fileName?: string
}

/**
 * Turns an importer's blocks into a validated `ArticleDoc`: drops empty blocks, decides each
 * block's direction (explicit, else its first strong character, else its parent's, else the
 * document language's) and writes ProseMirror JSON in the article schema's vocabulary.
 */
export function buildArticleDoc(draft: ArticleDraft): ArticleDoc {
  const blocks = draft.blocks.flatMap(withoutEmptyParts)
  const bodyBlocks = blocks.filter((block) => block.type !== 'frontMatter')
  if (bodyBlocks.length === 0) {
    throw new ArticleImportError(
      'no-text',
      `${describeSource(draft.fileName)} has no readable article text: choose a text, Markdown or HTML file that contains the article.`,
    )
  }

  const language =
    draft.meta.language ??
    languageOfDominantDirection(
      bodyBlocks.map((block) => {
        const text = blockText(block)
        return { text, dir: explicitDirection(block) ?? firstStrongDirection(text) }
      }),
    )
  const documentDirection = directionOfLanguage(language)

  const content: PMNode = {
    type: 'doc',
    content: blocks.map((block) => blockToNode(block, documentDirection)),
  }
  const meta: ArticleMeta = {
    title: draft.meta.title?.trim() || fallbackTitle(bodyBlocks),
    authors: draft.meta.authors ?? [],
    authorsEn: draft.meta.authorsEn ?? [],
    emails: draft.meta.emails ?? [],
    keywords: draft.meta.keywords ?? [],
    keywordsEn: draft.meta.keywordsEn ?? [],
    language,
    publisherNotice: draft.meta.publisherNotice ?? [],
    ...definedOnly({
      titleEn: draft.meta.titleEn,
      affiliation: draft.meta.affiliation,
      affiliationEn: draft.meta.affiliationEn,
      sourceUrl: draft.meta.sourceUrl,
      retrieved: draft.meta.retrieved,
      journal: draft.meta.journal,
    }),
  }

  const parsed = ArticleDocSchema.safeParse({ meta, content })
  if (!parsed.success) {
    throw new ArticleImportError(
      'invalid-document',
      `${describeSource(draft.fileName)} could not be turned into an article (${parsed.error.issues[0]?.message ?? 'invalid document'}): please report this file.`,
    )
  }
  return parsed.data
}

function definedOnly<T extends Record<string, string | undefined>>(
  record: T,
): Partial<Record<keyof T, string>> {
  return Object.fromEntries(
    Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ) as Partial<Record<keyof T, string>>
}

function fallbackTitle(blocks: readonly ArticleBlock[]): string {
  const heading = blocks.find((block) => block.type === 'heading')
  const source = heading ?? blocks[0]
  const text = source ? blockText(source) : ''
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  )
}

function explicitDirection(block: ArticleBlock): BlockDirection | undefined {
  return block.type === 'frontMatter' ? undefined : block.dir
}

function withoutEmptyParts(block: ArticleBlock): ArticleBlock[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return hasVisibleText(block.inlines) ? [block] : []
    case 'list': {
      const items = block.items.flatMap((item) => {
        const paragraphs = item.paragraphs.filter(hasVisibleText)
        return paragraphs.length > 0 ? [{ ...item, paragraphs }] : []
      })
      return items.length > 0 ? [{ ...block, items }] : []
    }
    case 'blockquote': {
      const blocks = block.blocks.flatMap(withoutEmptyParts)
      return blocks.length > 0 ? [{ ...block, blocks }] : []
    }
    case 'frontMatter': {
      const paragraphs = block.paragraphs.filter(hasVisibleText)
      return paragraphs.length > 0 ? [{ ...block, paragraphs }] : []
    }
  }
}

function directionFor(
  text: string,
  explicit: BlockDirection | undefined,
  inherited: BlockDirection,
): BlockDirection {
  return explicit ?? firstStrongDirection(text) ?? inherited
}

function blockToNode(block: ArticleBlock, inherited: BlockDirection): PMNode {
  const dir = directionFor(blockText(block), explicitDirection(block), inherited)
  switch (block.type) {
    case 'heading':
      return {
        type: 'heading',
        attrs: { level: block.level, dir, ...(block.role ? { role: block.role } : {}) },
        content: inlineNodes(block.inlines),
      }
    case 'paragraph':
      return paragraphNode(block.inlines, dir, block.role)
    case 'list':
      return {
        type: block.ordered ? 'orderedList' : 'bulletList',
        attrs: block.ordered ? { dir, start: block.start } : { dir },
        content: block.items.map((item) => listItemNode(item, dir)),
      }
    case 'blockquote':
      return {
        type: 'blockquote',
        attrs: { dir },
        content: block.blocks.map((child) => blockToNode(child, dir)),
      }
    case 'frontMatter':
      return {
        type: 'frontMatter',
        attrs: { dir },
        content: block.paragraphs.map((inlines) =>
          paragraphNode(inlines, directionFor(inlineText(inlines), undefined, dir)),
        ),
      }
  }
}

function listItemNode(item: ListItemBlock, inherited: BlockDirection): PMNode {
  const dir = directionFor(item.paragraphs.map(inlineText).join('\n'), item.dir, inherited)
  return {
    type: 'listItem',
    attrs: { dir },
    content: item.paragraphs.map((inlines) =>
      paragraphNode(inlines, directionFor(inlineText(inlines), item.dir, dir)),
    ),
  }
}

function paragraphNode(inlines: Inline[], dir: BlockDirection, role?: string): PMNode {
  return {
    type: 'paragraph',
    attrs: { dir, ...(role ? { role } : {}) },
    content: inlineNodes(inlines),
  }
}

const MARK_ORDER: InlineMark['type'][] = ['link', 'bold', 'italic', 'code']

/**
 * ProseMirror text nodes must not be empty, and a textblock's edges carry no meaningful
 * whitespace; neighbours with the same marks are joined as ProseMirror would join them.
 */
function inlineNodes(inlines: readonly Inline[]): PMNode[] {
  const nodes: PMNode[] = []
  for (const inline of trimEdges(inlines)) {
    if (inline.type === 'hardBreak') {
      nodes.push({ type: 'hardBreak' })
      continue
    }
    if (inline.text === '') continue
    const marks = markNodes(inline.marks)
    const previous = nodes.at(-1)
    if (previous?.type === 'text' && sameMarks(previous.marks, marks)) {
      previous.text = (previous.text ?? '') + inline.text
      continue
    }
    nodes.push(
      marks.length > 0
        ? { type: 'text', text: inline.text, marks }
        : { type: 'text', text: inline.text },
    )
  }
  return nodes
}

/** Code keeps its indentation; anything else loses the whitespace at the block's edges. */
function trimEdges(inlines: readonly Inline[]): Inline[] {
  const isCode = (inline: Inline) =>
    inline.type === 'text' && inline.marks.some((mark) => mark.type === 'code')
  const isBlank = (inline: Inline | undefined) =>
    inline !== undefined &&
    (inline.type === 'hardBreak' || (inline.text.trim() === '' && !isCode(inline)))
  const result = [...inlines]
  while (isBlank(result[0])) result.shift()
  while (isBlank(result.at(-1))) result.pop()
  const first = result[0]
  if (first?.type === 'text' && !isCode(first)) {
    result[0] = { ...first, text: first.text.trimStart() }
  }
  const lastIndex = result.length - 1
  const last = result[lastIndex]
  if (last?.type === 'text' && !isCode(last)) {
    result[lastIndex] = { ...last, text: last.text.trimEnd() }
  }
  return result
}

function markNodes(marks: readonly InlineMark[]): PMMark[] {
  const byType = new Map<InlineMark['type'], InlineMark>()
  for (const mark of marks) byType.set(mark.type, mark)
  return MARK_ORDER.flatMap((type) => {
    const mark = byType.get(type)
    if (!mark) return []
    return [
      mark.type === 'link' ? { type: 'link', attrs: { href: mark.href } } : { type: mark.type },
    ]
  })
}

function sameMarks(a: readonly PMMark[] | undefined, b: readonly PMMark[]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b)
}
