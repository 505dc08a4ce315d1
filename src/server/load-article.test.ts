import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { DocumentImportError, MAX_DOCUMENT_BYTES } from './article-file'
import { HamishError } from './hamish-error'
import type { PageProgress } from './import-pdf'
import { loadArticleFile } from './load-article'

const dir = mkdtempSync(join(tmpdir(), 'hamish-load-article-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

async function failure(path: string): Promise<HamishError> {
  const error: unknown = await loadArticleFile(path).then(
    () => new Error(`expected "${path}" to be refused`),
    (refusal: unknown) => refusal,
  )
  if (!(error instanceof HamishError)) throw error
  return error
}

describe('loadArticleFile with Word and PDF files', () => {
  it('opens a .docx through the Word importer', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('مقالة قصيرة.')] }] }),
    )
    const opened = await loadArticleFile(file('مقالة.docx', new Uint8Array(docx)))
    expect(opened.fileName).toBe('مقالة.docx')
    expect(opened.article.content.content?.[0]?.content?.[0]?.text).toBe('مقالة قصيرة.')
  })

  it('opens a .pdf through the PDF importer, reporting each page', async () => {
    const document = await PDFDocument.create()
    const font = await document.embedFont(StandardFonts.Helvetica)
    for (const text of ['Page one ends here.', 'Page two ends here.']) {
      document.addPage().drawText(text, { x: 50, y: 700, size: 12, font })
    }
    const progress: PageProgress[] = []
    const opened = await loadArticleFile(file('paper.PDF', await document.save()), {
      onProgress: (step) => progress.push(step),
    })
    expect(opened.fileName).toBe('paper.PDF')
    expect(opened.article.meta.title).toBe('Page one ends here.')
    expect(progress.map((step) => step.done)).toEqual([1, 2])
  })

  it('refuses a 200 MB PDF before reading it', async () => {
    const path = file('huge.pdf', '')
    // Sparse: the size is real to stat, but nothing is written to disk.
    truncateSync(path, 200 * 1024 * 1024)
    const error = await failure(path)
    expect(error).toBeInstanceOf(DocumentImportError)
    expect((error as DocumentImportError).problem).toEqual({
      kind: 'too-large',
      bytes: 200 * 1024 * 1024,
      limitBytes: MAX_DOCUMENT_BYTES,
    })
    expect(error.message).toBe(
      `cannot import "${path}": it is 200.0 MB, over the 100 MB limit for a Word or PDF article.`,
    )
  })

  it('names the path in every refusal, one line each', async () => {
    const renamed = file('notes.docx', 'plain notes\n')
    expect((await failure(renamed)).message).toMatch(
      new RegExp(`^cannot import "${renamed}": it is not a Word document`),
    )
    expect((await failure(file('empty.pdf', ''))).message).toBe(
      `cannot import "${join(dir, 'empty.pdf')}": it is empty.`,
    )
    expect((await failure(join(dir, 'gone.pdf'))).message).toBe(
      `cannot import "${join(dir, 'gone.pdf')}": there is no such file.`,
    )
  })

  it('still reads text articles as text', async () => {
    const opened = await loadArticleFile(file('a.md', '# عنوان\n\nنص.\n'))
    expect(opened.article.meta.title).toBe('عنوان')
  })
})
