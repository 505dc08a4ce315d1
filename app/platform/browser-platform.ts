import { z } from 'zod'
import { ArticleDocSchema } from '../../src/core/article/article-doc'
import { SUPPORTED_ARTICLE_EXTENSIONS } from '../../src/core/article/article-format'
import type { OpenedArticle, Platform, SavedFile, SaveTextRequest } from '../../src/core/platform'
import { browserHosting } from './browser-hosting'
import { readArticleFile } from './read-article-file'

const OpenedArticleResponse = z.object({ fileName: z.string(), article: ArticleDocSchema })

/** The platform of a browser tab: the page's own server, file inputs and downloads. */
export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    appInfo: () =>
      Promise.resolve({ name: 'Hamish', version: __HAMISH_VERSION__, os: navigator.platform }),
    startupArticle,
    openArticle: () => pickFile().then((file) => (file ? readArticleFile(file) : null)),
    saveText,
    ...browserHosting(),
  }
}

/** The article `hamish serve` was started on; null when no Hamish server is behind this page. */
async function startupArticle(): Promise<OpenedArticle | null> {
  let response: Response
  try {
    response = await fetch('./api/article', { headers: { accept: 'application/json' } })
  } catch {
    return null
  }
  if (!response.ok || !response.headers.get('content-type')?.includes('application/json')) {
    return null
  }
  return OpenedArticleResponse.parse(await response.json())
}

function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = SUPPORTED_ARTICLE_EXTENSIONS.join(',')
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => resolve(null), { once: true })
    input.click()
  })
}

function saveText(request: SaveTextRequest): Promise<SavedFile | null> {
  const url = URL.createObjectURL(new Blob([request.text], { type: request.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = request.suggestedName
  link.rel = 'noopener'
  link.click()
  // The download has started from the object URL; freeing it later keeps slow browsers happy.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return Promise.resolve({ location: request.suggestedName })
}
