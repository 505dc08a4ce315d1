import { importArticle } from '../../src/core/article/import-article'
import type { OpenedArticle } from '../../src/core/platform'
import bundledText from '../../resources/articles/defensive-diplomacy-iraq.ar.txt?raw'

export const BUNDLED_ARTICLE_FILE = 'defensive-diplomacy-iraq.ar.txt'

/** The article Hamish ships with, imported from its text. */
export function importBundledArticle(): OpenedArticle {
  return {
    fileName: BUNDLED_ARTICLE_FILE,
    article: importArticle(bundledText, { format: 'txt', fileName: BUNDLED_ARTICLE_FILE }),
  }
}
