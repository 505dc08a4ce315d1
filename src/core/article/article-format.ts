import type { ArticleFormat } from './article-doc'

const FORMAT_BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  mkd: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
}

/** The article format a file name's extension promises, or null when it is not one we read. */
export function formatFromFileName(name: string): ArticleFormat | null {
  const extension = /\.([^./\\]+)$/u.exec(name.trim())?.[1]?.toLowerCase()
  return extension === undefined ? null : (FORMAT_BY_EXTENSION[extension] ?? null)
}

/** Every extension `formatFromFileName` accepts, with its dot, for file pickers and messages. */
export const SUPPORTED_ARTICLE_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION).map(
  (extension) => `.${extension}`,
)
