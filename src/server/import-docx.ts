import { basename } from 'node:path'
import { unzipSync } from 'fflate'
import mammoth from 'mammoth'
import type { ArticleDoc } from '../core/article/article-doc'
import { importHtml } from '../core/article/import-html'
import { DocumentImportError, indexOfBytes, sniffContent } from './article-file'
import type { DocumentProblem } from './article-file'

/**
 * Word's title styles become headings too; mammoth's defaults already map "Heading 1"–"Heading
 * 6", lists, bold and italics.
 */
/**
 * What a Word file's XML parts may unpack to. The longest article's text is a few megabytes of
 * XML; a small ZIP unpacking to gigabytes (a "zip bomb") would keep mammoth inflating and
 * parsing for minutes and exhaust the memory. Pictures (`word/media/`) are never unpacked.
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"]

/**
 * An encrypted Word file is not a ZIP but an OLE compound file holding an "EncryptedPackage"
 * stream, whose name is stored in UTF-16LE in the directory.
 */
const ENCRYPTED_PACKAGE_NAME = [...'EncryptedPackage'].flatMap((char) => [char.charCodeAt(0), 0])

/**
 * Imports a Word (.docx) article: mammoth turns the document into plain HTML (headings,
 * paragraphs, lists, emphasis, links), then the HTML importer keeps what the reader needs and
 * decides each block's direction from its first strong character. Images keep only their alt
 * text, and linked files outside the document are never read.
 *
 * @throws DocumentImportError when the file is not a .docx, is encrypted or is damaged.
 * @throws ArticleImportError when it holds no text.
 */
export async function importDocx(
  bytes: Uint8Array,
  options: { path: string },
): Promise<ArticleDoc> {
  const { path } = options
  const content = sniffContent(bytes)
  if (content === 'ole' && indexOfBytes(bytes, ENCRYPTED_PACKAGE_NAME) !== -1) {
    throw new DocumentImportError(path, { kind: 'password-protected', format: 'docx' })
  }
  if (content !== 'zip') {
    throw new DocumentImportError(path, { kind: 'not-this-format', format: 'docx', content })
  }

  const xmlBytes = declaredXmlBytes(bytes)
  if (xmlBytes > MAX_DOCX_XML_BYTES) {
    const detail = `its text unpacks to ${Math.round(xmlBytes / 1024 / 1024)} MB, past the ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB any article needs`
    throw new DocumentImportError(path, { kind: 'damaged', format: 'docx', detail })
  }

  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // The article keeps text only: skip encoding every picture as a data URL.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    )
    html = result.value
  } catch (error) {
    throw new DocumentImportError(path, docxReadProblem(error), { cause: error })
  }
  return importHtml(html, { fileName: basename(path) })
}

/** A ZIP without Word's main part is some other archive; any other failure is damage. */
/**
 * The unpacked size the ZIP's directory declares for everything but pictures, read without
 * unpacking anything; 0 when the directory cannot be read (mammoth then reports the damage).
 */
function declaredXmlBytes(bytes: Uint8Array): number {
  let total = 0
  try {
    unzipSync(bytes, {
      filter(file) {
        if (!file.name.startsWith('word/media/')) total += file.originalSize
        return false
      },
    })
  } catch {
    return 0
  }
  return total
}

function docxReadProblem(error: unknown): DocumentProblem {
  const message = error instanceof Error ? error.message : String(error)
  if (/main document part/i.test(message)) {
    return { kind: 'not-this-format', format: 'docx', content: 'zip' }
  }
  return { kind: 'damaged', format: 'docx', detail: firstSentence(message) }
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0]?.trim() ?? ''
  const clipped = line.length > 160 ? `${line.slice(0, 157)}…` : line
  return clipped.replace(/[.]+$/, '') || 'unknown error'
}
