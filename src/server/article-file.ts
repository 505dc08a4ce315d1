import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { basename } from 'node:path'
import type { ArticleFormat } from '../core/article/article-doc'
import {
  MAX_ARTICLE_BYTES,
  decodeArticleFile,
  describeArticleFileProblem,
  extensionOf,
  type ArticleFileProblem,
} from '../core/article-file/article-file-problem'
import { formatFromFileName } from '../core/article/article-format'
import { errorCode } from './error-code'
import { ExitCode, HamishError } from './hamish-error'

export interface ArticleFileText {
  /** The file's name without its folder, for titles and messages. */
  fileName: string
  format: ArticleFormat
  /** The decoded text, without a UTF-8 byte-order mark. */
  text: string
}

/**
 * Reads an article file from disk, refusing with one sentence anything that is not a readable,
 * non-empty UTF-8 text file of a supported type. The type and the size are checked before any
 * byte is read, so pointing Hamish at a video costs nothing.
 */
export async function readArticleFile(path: string): Promise<ArticleFileText> {
  const fileName = basename(path)
  const stats = await statArticleFile(path)
  if (stats.isDirectory()) throw cannotImport(path, 'it is a folder, not a file.', ExitCode.noInput)
  if (!stats.isFile()) {
    throw cannotImport(
      path,
      'it is not a regular file (a device, pipe or socket).',
      ExitCode.noInput,
    )
  }
  const format = formatFromFileName(fileName)
  if (!format) {
    throw problemError(path, { kind: 'unsupported-type', extension: extensionOf(fileName) })
  }
  if (stats.size > MAX_ARTICLE_BYTES) {
    throw problemError(path, {
      kind: 'too-large',
      bytes: stats.size,
      limitBytes: MAX_ARTICLE_BYTES,
    })
  }
  const bytes = await readAtMost(path, MAX_ARTICLE_BYTES + 1)
  const decoded = decodeArticleFile(fileName, bytes)
  if (!decoded.ok) throw problemError(path, decoded.problem)
  return { fileName, format: decoded.format, text: decoded.text }
}

export function cannotImport(
  path: string,
  problem: string,
  exitCode: ExitCode,
  cause?: unknown,
): HamishError {
  return new HamishError(`cannot import "${path}": ${problem}`, exitCode, { cause })
}

function problemError(path: string, problem: ArticleFileProblem): HamishError {
  return cannotImport(path, describeArticleFileProblem(problem), ExitCode.dataError)
}

async function statArticleFile(path: string): Promise<Stats> {
  try {
    return await stat(path)
  } catch (error) {
    throw readError(path, error)
  }
}

/**
 * Reads no more than `limit` bytes: the file may have grown since it was measured, and a file
 * that keeps growing (a log, a FIFO renamed into place) must not fill memory.
 */
async function readAtMost(path: string, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  try {
    for await (const chunk of createReadStream(path, { start: 0, end: limit - 1 })) {
      chunks.push(chunk as Buffer)
    }
  } catch (error) {
    throw readError(path, error)
  }
  return Buffer.concat(chunks)
}

function readError(path: string, error: unknown): HamishError {
  const code = errorCode(error)
  switch (code) {
    case 'ENOENT':
      return cannotImport(path, 'there is no such file.', ExitCode.noInput, error)
    case 'ENOTDIR':
      return cannotImport(
        path,
        'a part of the path is a file, not a folder.',
        ExitCode.noInput,
        error,
      )
    case 'EACCES':
    case 'EPERM':
      return cannotImport(path, 'permission denied: you may not read it.', ExitCode.noInput, error)
    case 'EISDIR':
      return cannotImport(path, 'it is a folder, not a file.', ExitCode.noInput, error)
    default:
      return cannotImport(
        path,
        `it cannot be read (${code ?? (error instanceof Error ? error.message : String(error))}).`,
        ExitCode.noInput,
        error,
      )
  }
}
