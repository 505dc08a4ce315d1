import type { Attrs, Node as PMNode, Schema } from '@tiptap/pm/model'

/**
 * The paragraphs of a quoted passage: blank lines separate paragraphs (as a passage spanning
 * several blocks is quoted), single line breaks become hard breaks where the schema has them.
 * Always at least one paragraph, since a quote holds `paragraph+`.
 */
export function quoteParagraphs(schema: Schema, text: string, attrs: Attrs | null): PMNode[] {
  const paragraph = schema.nodes['paragraph']
  if (!paragraph) throw new Error('the schema has no paragraph node')
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n/)
    .map((part) => part.replace(/^\n+|\n+$/g, ''))
    .filter((part) => part.trim() !== '')
  if (paragraphs.length === 0) return [paragraph.create(attrs)]
  return paragraphs.map((part) => paragraph.create(attrs, inlineContent(schema, part)))
}

function inlineContent(schema: Schema, text: string): PMNode[] {
  const hardBreak = schema.nodes['hardBreak']
  const lines = text.split('\n')
  if (!hardBreak) return [schema.text(lines.join(' '))]
  return lines.flatMap((line, index) => [
    ...(index > 0 ? [hardBreak.create()] : []),
    ...(line !== '' ? [schema.text(line)] : []),
  ])
}
