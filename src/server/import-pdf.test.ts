import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib'
import type { PDFFont } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import type { PMNode } from '../core/article/article-doc'
import { DocumentImportError } from './article-file'
import { importPdf, paragraphsOfPages } from './import-pdf'
import type { PageProgress, PdfTextRun } from './import-pdf'

/*
 * Fixtures are written with pdf-lib. Its Arabic text goes through fontkit, whose shaping leaves
 * pdf-lib's ToUnicode map with holes and whose right-to-left layout reverses digit runs, so the
 * Arabic lines are drawn unshaped (isolated letter forms: the text layer is exact, only the
 * picture is not how Word would draw it) and carry no digits; the English lines carry digits.
 * The font is the Noto Naskh Arabic the app ships (WOFF; fontkit subsets it to TrueType).
 */
const requireFromHere = createRequire(import.meta.url)
const NASKH_WOFF = requireFromHere.resolve(
  '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff',
)
const UNSHAPED = Object.fromEntries(
  ['ccmp', 'init', 'medi', 'fina', 'isol', 'liga', 'rlig', 'calt', 'mark', 'mkmk', 'kern'].map(
    (feature) => [feature, false],
  ),
)

const TITLE = 'الدبلوماسية الدفاعية والأمن الوطني'
const ARABIC_LINES = ['يعد الملحق العسكري اللاعب الرئيسي في', 'الدبلوماسية الدفاعية لدى الدول']
const ENGLISH_LINES = [
  'Defence diplomacy grew after 1990 as armed forces took',
  'on peaceful tasks.',
]
const CONTINUED = ['The attaché reports to the ministry and', 'to the embassy alike.']

interface Line {
  text: string
  font: 'arabic' | 'latin'
  size: number
  y: number
}

async function pdfOf(pages: Line[][]): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  document.registerFontkit(fontkit)
  const fonts: Record<Line['font'], PDFFont> = {
    arabic: await document.embedFont(readFileSync(NASKH_WOFF), {
      subset: true,
      features: UNSHAPED,
    }),
    latin: await document.embedFont(StandardFonts.Helvetica),
  }
  for (const lines of pages) {
    const page = document.addPage([595, 842])
    for (const line of lines) {
      const font = fonts[line.font]
      const width = font.widthOfTextAtSize(line.text, line.size)
      // Arabic is set flush right, English flush left, as each would be on a real page.
      const x = line.font === 'arabic' ? 545 - width : 50
      page.drawText(line.text, { x, y: line.y, size: line.size, font })
    }
  }
  return document.save()
}

/** Two pages: a title, an Arabic paragraph, an English one, a sentence running onto page two. */
function samplePages(): Line[][] {
  return [
    [
      { text: TITLE, font: 'arabic', size: 20, y: 780 },
      { text: ARABIC_LINES[0] as string, font: 'arabic', size: 12, y: 740 },
      { text: ARABIC_LINES[1] as string, font: 'arabic', size: 12, y: 724 },
      { text: ENGLISH_LINES[0] as string, font: 'latin', size: 12, y: 690 },
      { text: ENGLISH_LINES[1] as string, font: 'latin', size: 12, y: 674 },
      { text: CONTINUED[0] as string, font: 'latin', size: 12, y: 640 },
    ],
    [{ text: CONTINUED[1] as string, font: 'latin', size: 12, y: 780 }],
  ]
}

function textOf(node: PMNode): string {
  return node.text ?? (node.content ?? []).map(textOf).join('')
}

async function refusal(bytes: Uint8Array): Promise<DocumentImportError> {
  const error: unknown = await importPdf(bytes, { path: '/home/r/paper.pdf' }).then(
    () => new Error('expected the PDF to be refused'),
    (refused: unknown) => refused,
  )
  if (!(error instanceof DocumentImportError)) throw error
  return error
}

describe('importPdf', () => {
  it('reads the text layer into paragraphs, each with its own direction', async () => {
    const progress: PageProgress[] = []
    const article = await importPdf(await pdfOf(samplePages()), {
      path: '/home/r/paper.pdf',
      onProgress: (step) => progress.push(step),
    })
    const blocks = article.content.content ?? []
    expect(blocks.map((block) => [block.attrs?.['dir'], textOf(block)])).toEqual([
      ['rtl', TITLE],
      ['rtl', ARABIC_LINES.join(' ')],
      ['ltr', ENGLISH_LINES.join(' ')],
      ['ltr', CONTINUED.join(' ')],
    ])
    expect(blocks[0]?.type).toBe('heading')
    expect(article.meta.title).toBe(TITLE)
    expect(progress).toEqual([
      { done: 1, total: 2 },
      { done: 2, total: 2 },
    ])
  })

  it('says a scan with no text layer is a scan, not an empty article', async () => {
    const document = await PDFDocument.create()
    const page = document.addPage([595, 842])
    page.drawImage(await document.embedPng(ONE_PIXEL_PNG), { x: 0, y: 0, width: 595, height: 842 })
    const error = await refusal(await document.save())
    expect(error.problem).toEqual({ kind: 'no-text-layer' })
    expect(error.message).toBe(
      'cannot import "/home/r/paper.pdf": this PDF has no text layer (it is probably a scan): run it through text recognition (OCR) first, or open a text, Word or HTML version of the article.',
    )
  })

  it('says an encrypted PDF needs its password removed', async () => {
    // pdf-lib cannot encrypt; a standard security handler whose check value matches no password
    // is what an encrypted file looks like to a reader that does not know the password.
    const document = await PDFDocument.create()
    document.addPage()
    document.context.trailerInfo.Encrypt = document.context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      O: PDFHexString.of('5a'.repeat(32)),
      U: PDFHexString.of('a5'.repeat(32)),
      P: -4,
    })
    const id = PDFHexString.of('0123456789abcdef'.repeat(2))
    document.context.trailerInfo.ID = document.context.obj([id, id])
    const error = await refusal(await document.save({ useObjectStreams: false }))
    expect(error.problem).toEqual({ kind: 'password-protected', format: 'pdf' })
    expect(error.message).toMatch(/protected by a password: open it in a PDF reader/)
  })

  it('refuses a file that is not a PDF, and a damaged one', async () => {
    const text = await refusal(new TextEncoder().encode('مقالة بنص عادي\n'))
    expect(text.problem).toEqual({ kind: 'not-this-format', format: 'pdf', content: 'text' })
    expect(text.message).toMatch(/it is not a PDF, whatever its name says: it holds plain text/)

    const damaged = await refusal(new TextEncoder().encode('%PDF-1.7\nnothing else here\n'))
    expect(damaged.problem.kind).toBe('damaged')
    expect(damaged.message).not.toContain('\n')
  })
})

const run = (text: string, y: number, height = 12, hasEOL = true): PdfTextRun => ({
  text,
  y,
  height,
  hasEOL,
})

describe('paragraphsOfPages', () => {
  it('joins lines at the usual line step and breaks at a wider gap', () => {
    const page = [
      run('first line of one', 700),
      run('paragraph.', 686),
      run('A second', 650),
      run('paragraph.', 636),
    ]
    expect(paragraphsOfPages([page])).toEqual([
      'first line of one paragraph.',
      'A second paragraph.',
    ])
  })

  it('puts runs on one baseline into one line, whatever pdf.js reports between them', () => {
    const page = [run('Half', 700, 12, false), run(' ', 700, 12, false), run('a line', 700.4)]
    expect(paragraphsOfPages([page])).toEqual(['Half a line'])
  })

  it('breaks where the font size changes and where the text jumps up to a new column', () => {
    const page = [
      run('A Heading', 760, 18),
      run('Body text that', 730),
      run('ends here.', 716),
      run('Next column', 760),
    ]
    expect(paragraphsOfPages([page])).toEqual([
      'A Heading',
      'Body text that ends here.',
      'Next column',
    ])
  })

  it('joins a word hyphenated at the margin, and drops a soft hyphen', () => {
    const page = [run('state-', 700), run('building and diplo\u00ad', 686), run('macy', 672)]
    expect(paragraphsOfPages([page])).toEqual(['state-building and diplomacy'])
  })

  it('carries an open sentence over a page break, and only an open one', () => {
    const open = [[run('الملحق العسكري هو', 100)], [run('اللاعب الرئيسي.', 780)]]
    expect(paragraphsOfPages(open)).toEqual(['الملحق العسكري هو اللاعب الرئيسي.'])
    const closed = [[run('Ends here.', 100)], [run('Starts anew.', 780)]]
    expect(paragraphsOfPages(closed)).toEqual(['Ends here.', 'Starts anew.'])
  })

  it('has no paragraphs for pages without text', () => {
    expect(paragraphsOfPages([[], [run('  ', 700), run('', 690)]])).toEqual([])
  })
})

/** A 1×1 grey PNG: the "scan". */
const ONE_PIXEL_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
)
