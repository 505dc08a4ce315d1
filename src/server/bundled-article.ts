import { join } from 'node:path'
import { findHamishPackage } from './package-root'

/** The article Hamish opens when it is given none: shipped in `resources/articles/`. */
export const BUNDLED_ARTICLE_FILE_NAME = 'defensive-diplomacy-iraq.ar.txt'

/**
 * Where the bundled article is. `resourcesDir` is the folder that holds `articles/`: by default
 * `resources/` in the package; the packaged Electron app passes `process.resourcesPath`, because
 * there the resources are copied beside the app archive rather than inside it.
 */
export function bundledArticlePath(resourcesDir?: string): string {
  const dir = resourcesDir ?? join(findHamishPackage().root, 'resources')
  return join(dir, 'articles', BUNDLED_ARTICLE_FILE_NAME)
}
