import { describe, expect, it } from 'vitest'
import { sampleArticle } from '../core/article/sample-article'
import type { OpenedArticle } from '../core/platform'
import { startupArticleElement } from '../core/startup-article-element'
import { appPage } from './app-page'

const opened: OpenedArticle = { fileName: 'paper.ar.txt', article: sampleArticle() }

describe('the app page', () => {
  it('carries the article at the end of its head, before the app script', () => {
    const html =
      '<head><title>Hamish</title></head><body><script type="module" src="a.js"></script>'
    const page = appPage(html, opened).bytes.toString('utf8')
    expect(page).toBe(html.replace('</head>', `${startupArticleElement(opened)}</head>`))
  })

  it('carries it at its end when it has no head to close', () => {
    const html = '<!doctype html><title>Hamish</title>'
    expect(appPage(html, opened).bytes.toString('utf8')).toBe(html + startupArticleElement(opened))
  })

  it('has an ETag that changes with the article', () => {
    const html = '<head></head>'
    const other: OpenedArticle = { ...opened, fileName: 'other.txt' }
    expect(appPage(html, opened).etag).toBe(appPage(html, opened).etag)
    expect(appPage(html, opened).etag).not.toBe(appPage(html, other).etag)
  })
})
