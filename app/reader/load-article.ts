import { importArticle } from '../../src/core/article'
import type { OpenedArticle, Platform } from '../../src/core/platform'
import bundledText from '../../resources/articles/defensive-diplomacy-iraq.ar.txt?raw'

export const BUNDLED_ARTICLE_FILE = 'defensive-diplomacy-iraq.ar.txt'

/** The article Hamish ships with, read when nothing else was asked for. */
export function bundledArticle(): OpenedArticle {
  return {
    fileName: BUNDLED_ARTICLE_FILE,
    article: importArticle(bundledText, { format: 'txt', fileName: BUNDLED_ARTICLE_FILE }),
  }
}

/** What this window opens first: the platform's startup article, else the built-in one. */
export async function startupArticle(platform: Platform): Promise<OpenedArticle> {
  return (await platform.startupArticle()) ?? bundledArticle()
}
