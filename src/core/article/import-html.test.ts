import { describe, expect, it } from 'vitest'
import type { PMNode } from './article-doc'
import { ArticleDocSchema } from './article-doc'
import { ArticleImportError } from './article-import-error'
import { importHtml } from './import-html'

function textOf(node: PMNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(textOf).join('')
}

function allNodes(node: PMNode): PMNode[] {
  return [node, ...(node.content ?? []).flatMap(allNodes)]
}

const html = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
  <title>مقالة &amp; تجربة</title>
  <meta name="author" content="حنان فالح">
  <link rel="canonical" href="https://example.org/article">
  <style>p { color: red }</style>
  <script>document.cookie = 'stolen'</script>
</head>
<body onload="alert('load')">
  <h1>عنوان المقالة</h1>
  <p>فقرة   عربية
     فيها <em>تأكيد</em> و<strong>خط عريض</strong> و<code>x = 1</code>.</p>
  <p dir="ltr">عربي في فقرة اتجاهها محدد</p>
  <p>English paragraph with <a href="https://example.org/ref">a link</a>,
     <a href="javascript:alert('xss')">a trap</a>, <a href="  JAVASCRIPT:alert(1)">another</a>,
     <a href="/relative">a relative one</a> and <a href="mailto:a@b.org">mail</a>.</p>
  <p>١٢٣</p>
  <h4>Deep &lt;heading&gt;</h4>
  <ol start="5"><li>five<li>six<ul><li>nested</li></ul></li></ol>
  <blockquote><p>quoted</p></blockquote>
  <p>line one<br>line two</p>
  <img src="x.png" onerror="alert(1)" alt="an image">
  <iframe src="https://evil.example"></iframe>
  <pre>  keep   spaces
second line</pre>
  <table><tr><th>h1</th><th>h2</th></tr><tr><td>c1</td><td>c2</td></tr></table>
  <p>&lt;script&gt;alert(1)&lt;/script&gt; stays text</p>
</body>
</html>`

const doc = importHtml(html)
const blocks = doc.content.content ?? []
const nodes = allNodes(doc.content)

describe('importHtml', () => {
  it('produces a valid document and reads the head', () => {
    expect(() => ArticleDocSchema.parse(doc)).not.toThrow()
    expect(doc.meta.title).toBe('مقالة & تجربة')
    expect(doc.meta.authors).toEqual(['حنان فالح'])
    expect(doc.meta.language).toBe('ar')
    expect(doc.meta.sourceUrl).toBe('https://example.org/article')
  })

  it('keeps no script, style, handler or frame, and no javascript: link', () => {
    const json = JSON.stringify(doc)
    expect(json).not.toContain('stolen')
    expect(json).not.toContain('color: red')
    expect(json).not.toMatch(/javascript:/iu)
    expect(json).not.toContain('onload')
    expect(json).not.toContain('onerror')
    expect(json).not.toContain('evil.example')
    const hrefs = nodes.flatMap((node) =>
      (node.marks ?? []).filter((mark) => mark.type === 'link').map((mark) => mark.attrs?.href),
    )
    expect(hrefs).toEqual(['https://example.org/ref', 'mailto:a@b.org'])
    expect(nodes.map((node) => node.type)).not.toContain('script')
  })

  it('keeps the text of refused links as plain text', () => {
    const paragraph = blocks.find((block) => textOf(block).startsWith('English paragraph'))
    expect(textOf(paragraph ?? { type: 'none' })).toBe(
      'English paragraph with a link, a trap, another, a relative one and mail.',
    )
  })

  it('decodes entities once and never reads text as markup again', () => {
    expect(blocks.map(textOf)).toContain('<script>alert(1)</script> stays text')
    expect(blocks.map(textOf)).toContain('Deep <heading>')
  })

  it('collapses whitespace and maps inline marks', () => {
    const paragraph = blocks.find((block) => textOf(block).startsWith('فقرة'))
    expect(textOf(paragraph ?? { type: 'none' })).toBe('فقرة عربية فيها تأكيد وخط عريض وx = 1.')
    const marksOf = (text: string) => paragraph?.content?.find((node) => node.text === text)?.marks
    expect(marksOf('تأكيد')).toEqual([{ type: 'italic' }])
    expect(marksOf('خط عريض')).toEqual([{ type: 'bold' }])
    expect(marksOf('x = 1')).toEqual([{ type: 'code' }])
  })

  it('uses an element’s own dir, detection otherwise, and the inherited dir as last resort', () => {
    const dirOf = (text: string) => blocks.find((block) => textOf(block) === text)?.attrs?.dir
    expect(dirOf('عربي في فقرة اتجاهها محدد')).toBe('ltr')
    expect(dirOf('Deep <heading>')).toBe('ltr')
    expect(dirOf('عنوان المقالة')).toBe('rtl')
    expect(dirOf('١٢٣')).toBe('rtl')
  })

  it('maps headings (clamped), lists, quotations, breaks, images, pre and tables', () => {
    const heading = blocks.find((block) => textOf(block) === 'Deep <heading>')
    expect(heading?.type).toBe('heading')
    expect(heading?.attrs?.level).toBe(3)
    expect(blocks[0]?.attrs?.role).toBe('title')

    const list = blocks.find((block) => block.type === 'orderedList')
    expect(list?.attrs?.start).toBe(5)
    expect(list?.content?.map((item) => item.content?.map(textOf))).toEqual([
      ['five'],
      ['six', 'nested'],
    ])

    expect(blocks.find((block) => block.type === 'blockquote')?.content?.map(textOf)).toEqual([
      'quoted',
    ])
    const withBreak = blocks.find((block) => textOf(block) === 'line one\nline two')
    expect(withBreak?.content?.map((node) => node.type)).toEqual(['text', 'hardBreak', 'text'])
    expect(blocks.map(textOf)).toContain('an image')
    const pre = blocks.find((block) => textOf(block) === '  keep   spaces\nsecond line')
    expect(pre?.content?.[0]?.marks).toEqual([{ type: 'code' }])
    expect(blocks.map(textOf)).toEqual(expect.arrayContaining(['h1 | h2', 'c1 | c2']))
  })

  it('refuses a page with no readable text', () => {
    expect(() =>
      importHtml('<script>alert(1)</script><style></style>', { fileName: 'x.html' }),
    ).toThrow(ArticleImportError)
  })
})
