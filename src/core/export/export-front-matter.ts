import type { ArticleMeta } from '../article/article-doc'
import { yamlString } from '../article/to-markdown'
import type { MarkdownShape } from './export-input'

export interface FrontMatterFields {
  readonly meta: ArticleMeta
  readonly articleHash: string
  readonly shape: MarkdownShape
  readonly seminar?: { readonly id: string; readonly title: string } | undefined
  readonly exportedAt: Date
  readonly exporterVersion: string
}

/**
 * The YAML front matter Obsidian, GitHub and pandoc read. Every value is a double-quoted scalar
 * (JSON-escaped, which YAML reads the same way), so no title can smuggle in YAML syntax.
 */
export function exportFrontMatter(fields: FrontMatterFields): string {
  const { meta } = fields
  const lines = [`title: ${yamlString(meta.title)}`]
  if (meta.titleEn) lines.push(`title_en: ${yamlString(meta.titleEn)}`)
  lines.push(`authors: [${meta.authors.map(yamlString).join(', ')}]`)
  if (meta.sourceUrl) lines.push(`source: ${yamlString(meta.sourceUrl)}`)
  lines.push(`article_hash: ${yamlString(fields.articleHash)}`)
  if (fields.seminar) {
    lines.push(`seminar: ${yamlString(fields.seminar.title)}`)
    lines.push(`seminar_id: ${yamlString(fields.seminar.id)}`)
  }
  lines.push(`notes: ${yamlString(fields.shape)}`)
  lines.push(`exported: ${yamlString(fields.exportedAt.toISOString())}`)
  lines.push(`exporter: ${yamlString(`hamish ${fields.exporterVersion}`)}`)
  return ['---', ...lines, '---'].join('\n')
}
