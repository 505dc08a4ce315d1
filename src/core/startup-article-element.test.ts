import { parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { sampleArticle } from './article/sample-article'
import type { OpenedArticle } from './platform'
import { STARTUP_ARTICLE_ELEMENT_ID, startupArticleElement } from './startup-article-element'

/** What a browser's HTML parser makes of the markup: the elements, and the script's text. */
function parsed(markup: string): { tags: string[]; text: string } {
  const document = parseDocument(`<head>${markup}</head>`)
  const tags: string[] = []
  let text = ''
  const walk = (node: (typeof document.children)[number]) => {
    if (node.type === 'script' || node.type === 'tag') {
      tags.push(node.name)
      if (node.type === 'script')
        for (const child of node.children) text += 'data' in child ? child.data : ''
    }
    if ('children' in node) for (const child of node.children) walk(child)
  }
  for (const node of document.children) walk(node)
  return { tags, text }
}

describe('the startup article in the page', () => {
  it('reads back as the article', () => {
    const opened: OpenedArticle = { fileName: 'paper.ar.txt', article: sampleArticle() }
    const markup = startupArticleElement(opened)
    expect(markup).toContain(`id="${STARTUP_ARTICLE_ELEMENT_ID}"`)
    expect(JSON.parse(parsed(markup).text)).toEqual(opened)
  })

  it('stays one inert element whatever the article says', () => {
    const hostile = '</script><script>alert(1)</script><!-- <script> </SCRIPT >'
    const article = sampleArticle()
    const opened: OpenedArticle = {
      fileName: hostile,
      article: { ...article, meta: { ...article.meta, title: hostile } },
    }
    const markup = startupArticleElement(opened)
    const { tags, text } = parsed(markup)
    expect(tags).toEqual(['head', 'script'])
    expect(JSON.parse(text)).toEqual(opened)
  })
})
