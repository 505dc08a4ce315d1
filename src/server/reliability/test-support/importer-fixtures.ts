import { readFileSync } from 'node:fs'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { Zip, ZipDeflate, strToU8, unzipSync, zipSync } from 'fflate'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { importArticle } from '../../../core/article'
import { articleToMarkdown } from '../../../core/article/to-markdown'
import { bundledArticlePath } from '../../bundled-article'
import { budget } from './fuzz-budget'
import type { Importer } from './importer-worker'
import { concat } from './sync-messages'

/**
 * The inputs' sizes in `npm test`, against `npm run test:stress`: each is still far past the
 * limit it tests (nesting, stack depth), and quadratic parsers take a twenty-fifth of the time.
 */
const SCALE = budget(0.2, 1)
const n = (count: number) => Math.round(count * SCALE)

/** Real files of each kind, the material the mutations start from. */
export interface Seeds {
  txt: Uint8Array
  md: Uint8Array
  html: Uint8Array
  docx: Uint8Array
  pdf: Uint8Array
}

const utf8 = (text: string) => new TextEncoder().encode(text)

export async function realSeeds(): Promise<Seeds> {
  const paper = readFileSync(bundledArticlePath(), 'utf8')
  const article = importArticle(paper, { format: 'txt', fileName: 'paper.txt' })
  // The first part of the paper: mutating 80 KB at a time is slow for nothing.
  const excerpt = paper.slice(0, 6000)
  return {
    txt: utf8(excerpt),
    md: utf8(articleToMarkdown(article).slice(0, 6000)),
    html: utf8(
      '<!doctype html><html dir="rtl"><head><title>الدبلوماسية الدفاعية</title></head><body>' +
        '<h1>المبحث الاول</h1><p>يعد <b>الملحق</b> العسكري <a href="https://example.org/x">هو</a></p>' +
        '<ul><li>one</li><li dir="ltr">Defence <i>diplomacy</i></li></ul><table><tr><td>١</td></tr></table>' +
        '<blockquote><p>quote</p></blockquote><img alt="صورة" src="x.png"></body></html>',
    ),
    docx: await sampleDocx(),
    pdf: await samplePdf(),
  }
}

async function sampleDocx(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: 'الدبلوماسية الدفاعية',
            heading: HeadingLevel.TITLE,
            bidirectional: true,
          }),
          new Paragraph({
            children: [new TextRun({ text: 'يعد الملحق العسكري ٢٠٠٣م', rightToLeft: true })],
            bidirectional: true,
          }),
          new Paragraph({ text: 'Defence diplomacy', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun({ text: 'Peaceful use of armed forces.', italics: true })],
          }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

async function samplePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  const font = await document.embedFont(StandardFonts.Helvetica)
  for (let p = 0; p < 2; p++) {
    const page = document.addPage([595, 842])
    page.drawText('Defence diplomacy and national security', { x: 50, y: 780, size: 20, font })
    page.drawText('The military attache is the main actor in defence diplomacy.', {
      x: 50,
      y: 740,
      size: 12,
      font,
    })
    page.drawText('It builds trust between armed forces of different states.', {
      x: 50,
      y: 724,
      size: 12,
      font,
    })
  }
  // Uncompressed object streams: mutations then hit the parser, not only zlib.
  return document.save({ useObjectStreams: false })
}

/** Replaces Word's main part in a .docx with `xml`, keeping the rest of the package. */
function docxWithBody(docx: Uint8Array, xml: Uint8Array): Uint8Array {
  const files = unzipSync(docx)
  files['word/document.xml'] = new Uint8Array(xml)
  return zipSync(files, { level: 9 })
}

/**
 * A .docx whose main part is `chunk` repeated `times` times, deflated as it is written: the
 * bomb is built without ever holding its inflated size in memory.
 */
function docxBomb(docx: Uint8Array, chunk: string, times: number): Uint8Array {
  const parts: Uint8Array[] = []
  const zip = new Zip((error, data) => {
    if (error) throw error
    parts.push(data)
  })
  for (const [name, data] of Object.entries(unzipSync(docx))) {
    if (name === 'word/document.xml') continue
    const entry = new ZipDeflate(name, { level: 9 })
    zip.add(entry)
    entry.push(data, true)
  }
  const body = new ZipDeflate('word/document.xml', { level: 9 })
  zip.add(body)
  const [head, tail] = wordBody('\u0000').split('\u0000') as [string, string]
  const block = strToU8(chunk.repeat(Math.ceil(65_536 / chunk.length)))
  body.push(strToU8(head))
  for (let written = 0; written < times * chunk.length; written += block.length) body.push(block)
  body.push(strToU8(tail), true)
  zip.end()
  return concat(...parts)
}

function wordBody(inner: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    inner +
    '</w:body></w:document>'
  )
}

/** A minimal PDF around `body` objects, with a cross-reference table that may lie. */
function pdfOf(objects: string[]): Uint8Array {
  let out = '%PDF-1.7\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return utf8(out)
}

/** Inputs known to hurt parsers: deep nesting, quadratic runs, expansion bombs, cycles. */
export function maliciousInputs(seeds: Seeds): [string, Importer, Uint8Array][] {
  const repeat = (text: string, times: number) => utf8(text.repeat(times))
  const paragraph = '<w:p><w:r><w:t>حشو حشو حشو حشو</w:t></w:r></w:p>'
  return [
    ['Markdown: 100 000 nested quotes', 'md', repeat('>', n(100_000))],
    [
      'Markdown: 100 000 emphasis openers',
      'md',
      utf8(`${'*'.repeat(n(50_000))}a${'_'.repeat(n(50_000))}`),
    ],
    ['Markdown: 50 000 unclosed link brackets', 'md', repeat('[a](', n(50_000))],
    [
      'Markdown: a list nested 10 000 deep',
      'md',
      utf8(Array.from({ length: n(10_000) }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')),
    ],
    ['Markdown: one 8 MB line', 'md', repeat('ب', n(4_000_000))],
    ['HTML: 100 000 nested divs', 'html', repeat('<div>', n(100_000))],
    ['HTML: 100 000 nested inline tags', 'html', repeat('<b><i>', n(50_000))],
    ['HTML: an unclosed 2 MB comment', 'html', utf8(`<p>x</p><!--${'-'.repeat(n(2_000_000))}`)],
    ['HTML: a million entities', 'html', repeat('&amp;&#x202E;&#0;', n(1_000_000))],
    ['text: 200 000 bidi controls', 'txt', repeat('\u202e\u2066\u200f', n(200_000))],
    ['text: 100 000 one-word lines', 'txt', repeat('المبحث\n', n(100_000))],
    [
      'text: NUL bytes and lone surrogates',
      'txt',
      Uint8Array.from({ length: n(100_000) }, (_, i) => [0, 0xed, 0xa0, 0x80][i % 4] as number),
    ],
    [
      'Word: a 130 MB body in a small zip (a zip bomb)',
      'docx',
      docxBomb(seeds.docx, paragraph, 2_000_000),
    ],
    [
      'Word: XML nested 100 000 deep',
      'docx',
      docxWithBody(seeds.docx, utf8(wordBody(`${'<w:tbl><w:tr><w:tc>'.repeat(n(30_000))}`))),
    ],
    [
      'Word: entity expansion (billion laughs)',
      'docx',
      docxWithBody(
        seeds.docx,
        utf8(
          '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' +
            Array.from(
              { length: 9 },
              (_, i) =>
                `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`,
            ).join('') +
            ']>' +
            wordBody('<w:p><w:r><w:t>&bbbbbbbbb;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*>/, ''),
        ),
      ),
    ],
    [
      'Word: 20 000 entries in the zip',
      'docx',
      zipSync({
        ...unzipSync(seeds.docx),
        ...Object.fromEntries(
          Array.from({ length: n(20_000) }, (_, i) => [`junk/${i}.xml`, strToU8('x')]),
        ),
      }),
    ],
    [
      'PDF: arrays nested 100 000 deep',
      'pdf',
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        `<< /Type /Page /Parent 2 0 R /MediaBox ${'['.repeat(n(100_000))} >>`,
      ]),
    ],
    [
      'PDF: a page tree that contains itself',
      'pdf',
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
        '<< /Type /Page /Parent 2 0 R >>',
      ]),
    ],
    [
      'PDF: a billion pages claimed',
      'pdf',
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>',
        '<< /Type /Page /Parent 2 0 R >>',
      ]),
    ],
    [
      'PDF: a stream claiming 2 GiB',
      'pdf',
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
        '<< /Length 2147483647 >>\nstream\nBT ET\nendstream',
      ]),
    ],
    [
      'PDF: a cross-reference chain that loops',
      'pdf',
      utf8(
        '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 1\n0000000000 65535 f \ntrailer << /Size 1 /Prev 9 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n',
      ),
    ],
  ]
}
