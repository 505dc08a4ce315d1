import type { ArticleDoc, PMMark, PMNode } from '../../src/core/article/article-doc'

/*
 * The floor for opening the article: the same text as a plain HTML page with the app's own
 * stylesheet and fonts and the same element structure as the reader (an `.article-text` with
 * `data-testid="article"`, the title an `h1[data-role="title"]`), but no script at all.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character)
}

function attribute(name: string, value: unknown): string {
  return typeof value === 'string' || typeof value === 'number'
    ? ` ${name}="${escapeHtml(String(value))}"`
    : ''
}

function withMarks(html: string, marks: readonly PMMark[] = []): string {
  return marks.reduce((inner, mark) => {
    if (mark.type === 'italic') return `<em>${inner}</em>`
    if (mark.type === 'bold') return `<strong>${inner}</strong>`
    if (mark.type === 'link') return `<a${attribute('href', mark.attrs?.['href'])}>${inner}</a>`
    return inner
  }, html)
}

function blockTag(node: PMNode): string {
  switch (node.type) {
    case 'heading':
      return `h${typeof node.attrs?.['level'] === 'number' ? node.attrs['level'] : 1}`
    case 'paragraph':
      return 'p'
    case 'orderedList':
      return 'ol'
    case 'bulletList':
      return 'ul'
    case 'listItem':
      return 'li'
    case 'blockquote':
      return 'blockquote'
    default:
      return 'div'
  }
}

function renderNode(node: PMNode): string {
  if (node.type === 'text') return withMarks(escapeHtml(node.text ?? ''), node.marks)
  if (node.type === 'hardBreak') return '<br>'
  const inner = (node.content ?? []).map(renderNode).join('')
  const attrs =
    attribute('dir', node.attrs?.['dir']) +
    attribute('data-role', node.attrs?.['role']) +
    attribute('start', node.attrs?.['start'])
  if (node.type === 'frontMatter') {
    return `<details data-type="front-matter" class="front-matter"${attrs}><summary class="front-matter-summary"></summary><div class="front-matter-body">${inner}</div></details>`
  }
  const tag = blockTag(node)
  return `<${tag}${attrs}>${inner}</${tag}>`
}

/** The whole page; `stylesheet` is the app's built CSS, as the app's index.html links it. */
export function staticArticleHtml(article: ArticleDoc, stylesheet: string): string {
  const body = (article.content.content ?? []).map(renderNode).join('')
  const title = escapeHtml(article.meta.title)
  const language = escapeHtml(article.meta.language)
  return `<!doctype html>
<html lang="${language}" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title}</title>
<link rel="stylesheet" href="${escapeHtml(stylesheet)}">
</head>
<body>
<div class="article-column"><div class="article-text" data-testid="article" lang="${language}" dir="rtl">${body}</div></div>
</body>
</html>
`
}
