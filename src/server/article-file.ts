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
  const stats = await statRegularFile(path)
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

/** Word and PDF articles: binary containers that dedicated importers read. */
export type DocumentFormat = 'docx' | 'pdf'

const DOCUMENT_FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.docx': 'docx',
  '.pdf': 'pdf',
}

/** Every extension `documentFormatFromFileName` accepts, with its dot. */
export const SUPPORTED_DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(
  DOCUMENT_FORMAT_BY_EXTENSION,
)

export function documentFormatFromFileName(fileName: string): DocumentFormat | null {
  return DOCUMENT_FORMAT_BY_EXTENSION[extensionOf(fileName)] ?? null
}

/**
 * 100 MB: Word and PDF files carry images and fonts beside the text, so a long illustrated paper
 * passes 20 MB; still far below what would strain memory while it is parsed.
 */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024

/** What a file's first bytes say it is, whatever its name says. */
export type SniffedContent = 'pdf' | 'zip' | 'ole' | 'text' | 'unknown'

/** Why a Word or PDF file cannot become an article; worded per language by whoever shows it. */
export type DocumentProblem =
  | { kind: 'too-large'; bytes: number; limitBytes: number }
  | { kind: 'not-this-format'; format: DocumentFormat; content: SniffedContent }
  | { kind: 'password-protected'; format: DocumentFormat }
  | { kind: 'no-text-layer' }
  | { kind: 'damaged'; format: DocumentFormat; detail: string }

/** A refused Word or PDF file: the CLI prints the message, the desktop shell words `problem`. */
export class DocumentImportError extends HamishError {
  constructor(
    readonly path: string,
    readonly problem: DocumentProblem,
    options?: { cause?: unknown },
  ) {
    super(
      `cannot import "${path}": ${describeDocumentProblem(problem)}`,
      ExitCode.dataError,
      options,
    )
  }
}

const FORMAT_NAMES: Readonly<Record<DocumentFormat, string>> = {
  docx: 'a Word document (.docx)',
  pdf: 'a PDF',
}

/** English wording, for the CLI and logs. */
export function describeDocumentProblem(problem: DocumentProblem): string {
  switch (problem.kind) {
    case 'too-large':
      return `it is ${(problem.bytes / 1024 / 1024).toFixed(1)} MB, over the ${problem.limitBytes / 1024 / 1024} MB limit for a Word or PDF article.`
    case 'not-this-format':
      return `it is not ${FORMAT_NAMES[problem.format]}, whatever its name says: ${describeActualContent(problem.content)}.`
    case 'password-protected':
      return `it is protected by a password: open it in ${problem.format === 'pdf' ? 'a PDF reader' : 'Word or LibreOffice'}, save a copy without the password, and open that.`
    case 'no-text-layer':
      return 'this PDF has no text layer (it is probably a scan): run it through text recognition (OCR) first, or open a text, Word or HTML version of the article.'
    case 'damaged':
      return `it is damaged and cannot be read (${problem.detail}).`
  }
}

function describeActualContent(content: SniffedContent): string {
  switch (content) {
    case 'pdf':
      return 'it holds a PDF, so give it the .pdf extension'
    case 'zip':
      return 'it is a ZIP archive of another kind'
    case 'ole':
      return 'it is an older Word (.doc) file; save it as .docx in Word or LibreOffice first'
    case 'text':
      return 'it holds plain text, so give it the .txt (or .md, .html) extension'
    case 'unknown':
      return 'open it in the program that made it and save it again'
  }
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
/** PDF readers accept a header anywhere in the first kilobyte, after junk some writers put first. */
const PDF_HEADER_WINDOW = 1024

export function sniffContent(bytes: Uint8Array): SniffedContent {
  if (indexOfBytes(bytes.subarray(0, PDF_HEADER_WINDOW + PDF_MAGIC.length), PDF_MAGIC) !== -1) {
    return 'pdf'
  }
  if (startsWith(bytes, ZIP_MAGIC)) return 'zip'
  if (startsWith(bytes, OLE_MAGIC)) return 'ole'
  const head = bytes.subarray(0, 4096)
  if (head.includes(0)) return 'unknown'
  try {
    // Streaming, so a character cut at the window's end is held back rather than refused.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return 'text'
  } catch {
    return 'unknown'
  }
}

export function indexOfBytes(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer
    }
    return i
  }
  return -1
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

export interface DocumentFileBytes {
  fileName: string
  format: DocumentFormat
  bytes: Uint8Array
}

/**
 * Reads a Word or PDF file, refusing before reading anything one that is too large. The caller
 * has already chosen the format from the extension; the importers check the content.
 */
export async function readDocumentFile(
  path: string,
  format: DocumentFormat,
): Promise<DocumentFileBytes> {
  const stats = await statRegularFile(path)
  if (stats.size > MAX_DOCUMENT_BYTES) {
    throw new DocumentImportError(path, {
      kind: 'too-large',
      bytes: stats.size,
      limitBytes: MAX_DOCUMENT_BYTES,
    })
  }
  const bytes = await readAtMost(path, MAX_DOCUMENT_BYTES + 1)
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    throw new DocumentImportError(path, {
      kind: 'too-large',
      bytes: bytes.byteLength,
      limitBytes: MAX_DOCUMENT_BYTES,
    })
  }
  if (bytes.byteLength === 0) {
    throw cannotImport(path, describeArticleFileProblem({ kind: 'empty' }), ExitCode.dataError)
  }
  return { fileName: basename(path), format, bytes }
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

/** Stats `path`, refusing anything but an existing, readable regular file. */
async function statRegularFile(path: string): Promise<Stats> {
  let stats: Stats
  try {
    stats = await stat(path)
  } catch (error) {
    throw readError(path, error)
  }
  if (stats.isDirectory()) throw cannotImport(path, 'it is a folder, not a file.', ExitCode.noInput)
  if (!stats.isFile()) {
    throw cannotImport(
      path,
      'it is not a regular file (a device, pipe or socket).',
      ExitCode.noInput,
    )
  }
  return stats
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
