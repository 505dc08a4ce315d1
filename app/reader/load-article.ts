import type { OpenedArticle, Platform } from '../../src/core/platform'

/**
 * The article Hamish ships with, read when nothing else was asked for. Its text and the
 * importers that read it load only then: a page served with an article never needs them.
 */
export async function bundledArticle(): Promise<OpenedArticle> {
  const { importBundledArticle } = await import('./bundled-article')
  return importBundledArticle()
}

/** What this window opens first: the platform's startup article, else the built-in one. */
export async function startupArticle(platform: Platform): Promise<OpenedArticle> {
  return (await platform.startupArticle()) ?? bundledArticle()
}
