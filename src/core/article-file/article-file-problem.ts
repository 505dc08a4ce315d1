import type { ArticleFormat } from '../article/article-doc'
import { SUPPORTED_ARTICLE_EXTENSIONS, formatFromFileName } from '../article/article-format'

/** Why an article file cannot be read, whatever the platform that read its bytes. */
export type ArticleFileProblem =
  | { kind: 'unsupported-type'; extension: string }
  | { kind: 'too-large'; bytes: number; limitBytes: number }
  | { kind: 'binary' }
  | { kind: 'empty' }

export type DecodedArticleFile =
  { ok: true; text: string; format: ArticleFormat } | { ok: false; problem: ArticleFileProblem }

/** 20 MB: far above any article, low enough that a stray video file is refused before parsing. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

/**
 * Checks and decodes the bytes of an article file: a supported extension, not over the size
 * limit, text (UTF-8, no NUL bytes) and not empty. A UTF-8 byte-order mark is dropped.
 */
export function decodeArticleFile(fileName: string, bytes: Uint8Array): DecodedArticleFile {
  const format = formatFromFileName(fileName)
  if (!format)
    return { ok: false, problem: { kind: 'unsupported-type', extension: extensionOf(fileName) } }
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    return {
      ok: false,
      problem: { kind: 'too-large', bytes: bytes.byteLength, limitBytes: MAX_ARTICLE_BYTES },
    }
  }
  if (bytes.includes(0)) return { ok: false, problem: { kind: 'binary' } }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return { ok: false, problem: { kind: 'binary' } }
  }
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty' } }
  return { ok: true, text, format }
}

/** English wording, for the CLI and logs; the renderer words the same problems in the UI language. */
export function describeArticleFileProblem(problem: ArticleFileProblem): string {
  switch (problem.kind) {
    case 'unsupported-type':
      return `${problem.extension ? `"${problem.extension}" files are` : 'a file without an extension is'} not supported. Supported: ${SUPPORTED_ARTICLE_EXTENSIONS.join(', ')}.`
    case 'too-large':
      return `it is ${(problem.bytes / 1024 / 1024).toFixed(1)} MB, over the ${problem.limitBytes / 1024 / 1024} MB limit for an article.`
    case 'binary':
      return 'it is a binary file, not UTF-8 text.'
    case 'empty':
      return 'it is empty.'
  }
}
