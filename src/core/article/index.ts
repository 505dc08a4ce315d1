export type { ArticleDoc, ArticleFormat, ArticleMeta, PMMark, PMNode } from './article-doc'
export {
  ArticleDocSchema,
  ArticleMetaSchema,
  BlockDirection,
  BlockRole,
  PMNodeSchema,
} from './article-doc'
export type { ArticleImportProblem } from './article-import-error'
export { ArticleImportError } from './article-import-error'
export { SUPPORTED_ARTICLE_EXTENSIONS, formatFromFileName } from './article-format'
export type { OutlineEntry } from './article-text'
export { articlePlainText, outlineOf } from './article-text'
export { blockDirection, firstStrongDirection } from './bidi'
export type { ImportArticleOptions } from './import-article'
export { importArticle } from './import-article'
export { importHtml } from './import-html'
export { importMarkdown } from './import-markdown'
export { importPaperText, looksLikePaperText } from './import-paper-text'
export { importPlainText } from './import-plain-text'
