import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import type { PMNode } from '../core/article/article-doc'
import { ArticleImportError } from '../core/article/article-import-error'
import { DocumentImportError } from './article-file'
import { importDocx } from './import-docx'

const TITLE = 'الدبلوماسية الدفاعية وتأثيرها في الأَمْن الوطني'
const ARABIC = 'يُعَدّ الملحق العسكري اللاعب الرئيسي منذ عام ٢٠٠٣م، كما يرى Roddis (2020).'
const ENGLISH = 'Defence diplomacy (الدبلوماسية الدفاعية) is the peaceful use of armed forces.'
const HEADING = 'المبحث الأول: ماهية الدبلوماسية الدفاعية'

/** A .docx as Word writes one: a title, a right-to-left heading and body, an English paragraph. */
async function sampleDocx(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: TITLE, heading: HeadingLevel.TITLE, bidirectional: true }),
          new Paragraph({
            children: [new TextRun({ text: ARABIC, rightToLeft: true })],
            bidirectional: true,
          }),
          new Paragraph({ text: HEADING, heading: HeadingLevel.HEADING_1, bidirectional: true }),
          new Paragraph({ children: [new TextRun({ text: ENGLISH, italics: true })] }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

function textOf(node: PMNode): string {
  return node.text ?? (node.content ?? []).map(textOf).join('')
}

async function refusal(bytes: Uint8Array, path = '/home/r/paper.docx'): Promise<unknown> {
  return importDocx(bytes, { path }).then(
    () => new Error('expected the file to be refused'),
    (error: unknown) => error,
  )
}

describe('importDocx', () => {
  it('keeps the text byte for byte, the title and headings, and each block’s direction', async () => {
    const article = await importDocx(await sampleDocx(), { path: '/home/r/paper.docx' })
    const blocks = article.content.content ?? []
    expect(blocks.map((block) => [block.type, block.attrs?.['dir'], textOf(block)])).toEqual([
      ['heading', 'rtl', TITLE],
      ['paragraph', 'rtl', ARABIC],
      ['heading', 'rtl', HEADING],
      ['paragraph', 'ltr', ENGLISH],
    ])
    expect(blocks[0]?.attrs?.['level']).toBe(1)
    expect(article.meta.title).toBe(TITLE)
    expect(article.meta.language).toBe('ar')
    const english = blocks[3]?.content?.[0]
    expect(english?.marks?.map((mark) => mark.type)).toEqual(['italic'])
  })

  it('refuses a text file named .docx, saying what it really is', async () => {
    const error = await refusal(new TextEncoder().encode('# ملاحظات\nnot a Word file\n'))
    expect(error).toBeInstanceOf(DocumentImportError)
    expect((error as DocumentImportError).problem).toEqual({
      kind: 'not-this-format',
      format: 'docx',
      content: 'text',
    })
    expect((error as Error).message).toBe(
      'cannot import "/home/r/paper.docx": it is not a Word document (.docx), whatever its name says: it holds plain text, so give it the .txt (or .md, .html) extension.',
    )
  })

  it('refuses a PDF and a ZIP that are not Word documents', async () => {
    const pdf = await refusal(new TextEncoder().encode('%PDF-1.7\n%…'))
    expect((pdf as DocumentImportError).problem).toMatchObject({ content: 'pdf' })
    // The same archive with Word's main part renamed: a valid ZIP, but not a Word document.
    const renamed = Buffer.from(await sampleDocx())
      .toString('latin1')
      .replaceAll('word/document.xml', 'word/documenX.xml')
    const zip = await refusal(new Uint8Array(Buffer.from(renamed, 'latin1')))
    expect((zip as DocumentImportError).problem).toEqual({
      kind: 'not-this-format',
      format: 'docx',
      content: 'zip',
    })
    expect((zip as Error).message).toMatch(/it is a ZIP archive of another kind\.$/)
  })

  it('says a password-protected Word file needs its password removed', async () => {
    // Word encrypts a .docx into an OLE compound file holding an "EncryptedPackage" stream; this
    // is the part of that layout the importer looks at (a real one needs Office to produce).
    const ole = new Uint8Array(1024)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const name = [...'EncryptedPackage'].flatMap((char) => [char.charCodeAt(0), 0])
    ole.set(name, 512)
    const error = await refusal(ole)
    expect((error as DocumentImportError).problem).toEqual({
      kind: 'password-protected',
      format: 'docx',
    })
    expect((error as Error).message).toMatch(/protected by a password/)

    const olderWord = new Uint8Array(1024)
    olderWord.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const doc = await refusal(olderWord)
    expect((doc as Error).message).toMatch(/older Word \(\.doc\) file/)
  })

  it('calls a truncated .docx damaged', async () => {
    const whole = await sampleDocx()
    const error = await refusal(whole.subarray(0, Math.floor(whole.length / 2)))
    expect((error as DocumentImportError).problem.kind).toBe('damaged')
    expect((error as Error).message).not.toContain('\n')
  })

  it('refuses a Word document with no text as empty', async () => {
    const empty = new Document({ sections: [{ children: [new Paragraph({ text: '' })] }] })
    const error = await refusal(new Uint8Array(await Packer.toBuffer(empty)))
    expect(error).toBeInstanceOf(ArticleImportError)
  })
})
