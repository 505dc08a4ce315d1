import { basename } from 'node:path'
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { ArticleDoc } from '../core/article/article-doc'
import { importArticle } from '../core/article/import-article'
import { continuesSentence } from '../core/article/sentence-continuation'
import type { ImportProgress } from '../core/ipc/contract'
import { DocumentImportError, sniffContent } from './article-file'
import type { DocumentProblem } from './article-file'

/** One run of text as pdf.js reports it, in PDF user space (y grows upwards). */
export interface PdfTextRun {
  text: string
  /** The baseline. */
  y: number
  /** The font size, roughly the line's height. */
  height: number
  /** pdf.js saw a line break after this run. */
  hasEOL: boolean
}

export type PdfPageRuns = readonly PdfTextRun[]

/** Progress in pages; `fileName` is filled in by whoever forwards it. */
export type PageProgress = Omit<ImportProgress, 'fileName'>

export interface ImportPdfOptions {
  /** Named in error messages. */
  path: string
  /** Called after each page's text is read. */
  onProgress?: (progress: PageProgress) => void
}

/**
 * Imports the text layer of a PDF: pdf.js reads each page's text runs, runs become lines and
 * lines become paragraphs where the vertical gap grows or the font size changes (see
 * `paragraphsOfPages`), and the paragraphs go through the text importer, which recognises an
 * academic paper's structure and decides each block's direction from its first strong character.
 *
 * @throws DocumentImportError when the file is not a PDF, is encrypted, is damaged or has no text
 *   layer (a scan).
 */
export async function importPdf(bytes: Uint8Array, options: ImportPdfOptions): Promise<ArticleDoc> {
  const { path } = options
  const content = sniffContent(bytes)
  if (content !== 'pdf') {
    throw new DocumentImportError(path, { kind: 'not-this-format', format: 'pdf', content })
  }
  const pages = await readPdfTextRuns(bytes, options)
  const paragraphs = paragraphsOfPages(pages)
  if (paragraphs.length === 0) throw new DocumentImportError(path, { kind: 'no-text-layer' })
  return importArticle(paragraphs.join('\n\n'), { format: 'txt', fileName: basename(path) })
}

type Pdfjs = typeof PdfjsModule
let pdfjsLoading: Promise<Pdfjs> | undefined

/**
 * pdf.js is large and only needed for PDFs, so it loads on first use. Its "fake worker" (the
 * parser running in this thread) normally imports `pdf.worker.mjs` from beside `pdf.mjs`; the
 * Electron main process is one bundle with no such file, so the worker module is handed over
 * through the global pdf.js looks at first.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= (async () => {
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      // @ts-expect-error -- pdf.js ships no type declarations for its worker module.
      import('pdfjs-dist/legacy/build/pdf.worker.mjs') as Promise<unknown>,
    ])
    const global = globalThis as { pdfjsWorker?: unknown }
    global.pdfjsWorker ??= worker
    return pdfjs
  })()
  return pdfjsLoading
}

async function readPdfTextRuns(
  bytes: Uint8Array,
  { path, onProgress }: ImportPdfOptions,
): Promise<PdfPageRuns[]> {
  const pdfjs = await loadPdfjs()
  const task = pdfjs.getDocument({
    // A plain copy: pdf.js refuses a Node Buffer and takes ownership of what it is given.
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Text only: no fonts installed in this process, no system fonts, no forms, no canvas.
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
  })
  try {
    let document: Awaited<typeof task.promise>
    try {
      document = await task.promise
    } catch (error) {
      throw new DocumentImportError(path, pdfOpenProblem(error), { cause: error })
    }
    const pages: PdfPageRuns[] = []
    const total = document.numPages
    for (let number = 1; number <= total; number++) {
      // A damaged page tree or content stream shows only now (a page that points at itself,
      // a stream with no end), as pdf.js's own errors: they are damage too.
      let page: Awaited<ReturnType<typeof document.getPage>>
      let text: Awaited<ReturnType<typeof page.getTextContent>>
      try {
        page = await document.getPage(number)
        text = await page.getTextContent()
      } catch (error) {
        throw new DocumentImportError(path, pdfOpenProblem(error), { cause: error })
      }
      pages.push(
        text.items.flatMap((item) =>
          'str' in item
            ? [
                {
                  text: item.str,
                  y: Number(item.transform[5]),
                  height: item.height || Math.hypot(item.transform[2], item.transform[3]),
                  hasEOL: item.hasEOL,
                },
              ]
            : [],
        ),
      )
      page.cleanup()
      onProgress?.({ done: number, total })
    }
    return pages
  } finally {
    await task.destroy()
  }
}

function pdfOpenProblem(error: unknown): DocumentProblem {
  const name = error instanceof Error ? error.name : ''
  if (name === 'PasswordException') return { kind: 'password-protected', format: 'pdf' }
  const message = error instanceof Error ? error.message : String(error)
  return { kind: 'damaged', format: 'pdf', detail: message.split('\n')[0]?.trim() || name }
}

interface PdfLine {
  text: string
  y: number
  height: number
}

/** A gap this many times the page's usual line step starts a new paragraph. */
const PARAGRAPH_GAP_FACTOR = 1.4
/** A line whose size differs from its neighbour's by more than this is a heading or a caption. */
const SIZE_CHANGE = 0.15

/**
 * The paragraphs of a PDF's pages, each as one line of text. A new paragraph starts where the
 * baseline drops by clearly more than the page's usual line step, where it jumps up (the next
 * column), where the font size changes, and at a page break, unless the text before the break
 * leaves a sentence open that the next page carries on.
 */
export function paragraphsOfPages(pages: readonly PdfPageRuns[]): string[] {
  const paragraphs: string[] = []
  let previousPageEnd: string | null = null
  for (const runs of pages) {
    const pageParagraphs = paragraphsOfLines(linesOf(runs))
    const first = pageParagraphs[0]
    if (
      previousPageEnd !== null &&
      first !== undefined &&
      continuesSentence(previousPageEnd, first)
    ) {
      paragraphs[paragraphs.length - 1] = joinLines([previousPageEnd, first])
      pageParagraphs.shift()
    }
    paragraphs.push(...pageParagraphs)
    previousPageEnd = paragraphs.at(-1) ?? null
  }
  return paragraphs
}

/** Runs on one baseline, in the order the page draws them, make a line. */
function linesOf(runs: PdfPageRuns): PdfLine[] {
  const lines: PdfLine[] = []
  let current: PdfLine | null = null
  let lineEnded = true
  for (const run of runs) {
    const sameBaseline =
      current !== null &&
      Math.abs(run.y - current.y) <= Math.max(current.height, run.height, 1) * 0.5
    if (current === null || lineEnded || !sameBaseline) {
      if (current !== null) lines.push(current)
      current = { text: '', y: run.y, height: 0 }
    }
    current.text += run.text
    if (run.text.trim() !== '') current.height = Math.max(current.height, run.height)
    lineEnded = run.hasEOL
  }
  if (current !== null) lines.push(current)
  return lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+/gu, ' ').trim() }))
    .filter((line) => line.text !== '')
}

function paragraphsOfLines(lines: readonly PdfLine[]): string[] {
  const step = usualLineStep(lines)
  const paragraphs: string[] = []
  let current: string[] = []
  lines.forEach((line, index) => {
    const previous = lines[index - 1]
    if (previous !== undefined && startsParagraph(previous, line, step)) {
      paragraphs.push(joinLines(current))
      current = []
    }
    current.push(line.text)
  })
  if (current.length > 0) paragraphs.push(joinLines(current))
  return paragraphs
}

function startsParagraph(previous: PdfLine, line: PdfLine, step: number): boolean {
  const drop = previous.y - line.y
  if (drop <= 0) return true
  return drop > step * PARAGRAPH_GAP_FACTOR || sizeChanges(previous, line)
}

function sizeChanges(previous: PdfLine, line: PdfLine): boolean {
  const larger = Math.max(previous.height, line.height)
  return larger > 0 && Math.abs(previous.height - line.height) / larger > SIZE_CHANGE
}

/**
 * The drop from one line to the next inside a paragraph: the lower quartile of the drops between
 * lines of one size, since paragraph gaps are the larger drops and may be frequent on a page of
 * short paragraphs. 1.2 × the font size for a page with no such pair.
 */
function usualLineStep(lines: readonly PdfLine[]): number {
  const drops = lines
    .slice(1)
    .flatMap((line, index) => {
      const previous = lines[index] as PdfLine
      const drop = previous.y - line.y
      return drop > 0 && !sizeChanges(previous, line) ? [drop] : []
    })
    .sort((a, b) => a - b)
  if (drops.length === 0) return Math.max(...lines.map((line) => line.height), 1) * 1.2
  return drops[Math.floor((drops.length - 1) / 4)] as number
}

/**
 * Lines of one paragraph, joined by a space. A line ending in a hyphen after a letter is a word
 * or compound cut at the margin: it joins the next line directly (a soft hyphen is dropped).
 */
function joinLines(lines: readonly string[]): string {
  let text = ''
  for (const line of lines) {
    if (text === '') text = line
    else if (/\p{L}\u00ad$/u.test(text)) text = text.slice(0, -1) + line
    else if (/\p{L}-$/u.test(text)) text += line
    else text += ` ${line}`
  }
  return text
}
