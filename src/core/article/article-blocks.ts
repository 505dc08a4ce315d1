import type { BlockDirection, BlockRole } from './article-doc'

/*
 * What every importer produces before direction and ProseMirror JSON are decided. Importers
 * describe structure only; `buildArticleDoc` assigns each block its direction (which needs the
 * document language, known only once all blocks exist) and writes the editor's node vocabulary,
 * so that vocabulary lives in one place.
 */

export type InlineMark =
  { type: 'italic' } | { type: 'bold' } | { type: 'code' } | { type: 'link'; href: string }

export type Inline = { type: 'text'; text: string; marks: InlineMark[] } | { type: 'hardBreak' }

/** `dir` on a block is an explicit direction (an HTML `dir` attribute); otherwise it is detected. */
export type ArticleBlock =
  | { type: 'heading'; level: 1 | 2 | 3; role?: BlockRole; inlines: Inline[]; dir?: BlockDirection }
  | { type: 'paragraph'; role?: BlockRole; inlines: Inline[]; dir?: BlockDirection }
  | { type: 'list'; ordered: boolean; start: number; items: ListItemBlock[]; dir?: BlockDirection }
  | { type: 'blockquote'; blocks: ArticleBlock[]; dir?: BlockDirection }
  /** The publisher's header and licence notice: kept in the document, shown collapsed. */
  | { type: 'frontMatter'; paragraphs: Inline[][] }

export interface ListItemBlock {
  paragraphs: Inline[][]
  dir?: BlockDirection
}

export function plainText(text: string, marks: InlineMark[] = []): Inline {
  return { type: 'text', text, marks }
}

export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.type === 'text' ? inline.text : '\n')).join('')
}

/** The text of a block and everything inside it, for direction detection and titles. */
export function blockText(block: ArticleBlock): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return inlineText(block.inlines)
    case 'list':
      return block.items.map((item) => item.paragraphs.map(inlineText).join('\n')).join('\n')
    case 'blockquote':
      return block.blocks.map(blockText).join('\n')
    case 'frontMatter':
      return block.paragraphs.map(inlineText).join('\n')
  }
}

export function hasVisibleText(inlines: readonly Inline[]): boolean {
  return inlines.some((inline) => inline.type === 'text' && inline.text.trim() !== '')
}
