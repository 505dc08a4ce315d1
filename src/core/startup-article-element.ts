import type { OpenedArticle } from './platform'

/**
 * The page `hamish serve` sends carries the article it was started on, as JSON in a
 * `<script type="application/json">` with this id: the page has it as soon as its script runs,
 * rather than asking the server once React has rendered and waiting for the answer.
 */
export const STARTUP_ARTICLE_ELEMENT_ID = 'hamish-startup-article'

/**
 * The element's markup. Every `<` is written as `\u003c`, which JSON reads back as `<`: text in
 * the article such as `</script>` or `<!--` cannot end the element or change how HTML reads it.
 */
export function startupArticleElement(opened: OpenedArticle): string {
  const json = JSON.stringify(opened).replaceAll('<', '\\u003c')
  return `<script type="application/json" id="${STARTUP_ARTICLE_ELEMENT_ID}">${json}</script>`
}
