import { z } from 'zod'
import { ArticleDocSchema } from '../../src/core/article/article-doc'
import { SUPPORTED_ARTICLE_EXTENSIONS } from '../../src/core/article/article-format'
import {
  MAX_OPEN_TEXT_BYTES,
  TEXT_FILE_EXTENSIONS,
  TextFileTooLargeError,
  type OpenedArticle,
  type OpenedText,
  type OpenTextRequest,
  type Platform,
  type SaveBytesRequest,
  type SavedFile,
  type SaveTextRequest,
} from '../../src/core/platform'
import { STARTUP_ARTICLE_ELEMENT_ID } from '../../src/core/startup-article-element'
import { browserHosting } from './browser-hosting'
import { readArticleFile } from './read-article-file'

const OpenedArticleResponse = z.object({ fileName: z.string(), article: ArticleDocSchema })

/** The platform of a browser tab: the page's own server, file inputs and downloads. */
export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    appInfo: () =>
      Promise.resolve({ name: 'Hamish', version: __HAMISH_VERSION__, os: navigator.platform }),
    startupArticle: startupArticleReader(),
    openArticle: () =>
      pickFile(SUPPORTED_ARTICLE_EXTENSIONS).then((file) => (file ? readArticleFile(file) : null)),
    saveText: (request) => download(new Blob([request.text], { type: request.mimeType }), request),
    saveBytes: (request: SaveBytesRequest) =>
      download(
        new Blob([request.bytes as Uint8Array<ArrayBuffer>], { type: request.mimeType }),
        request,
      ),
    openText,
    ...browserHosting(),
  }
}

/**
 * Reads the article `hamish serve` was started on; null when no Hamish server is behind this
 * page. The page the server sends carries it (src/server/app-page.ts), so the first reading
 * needs no request; reading it again (Try again), or a page without it, asks the server.
 */
function startupArticleReader(): () => Promise<OpenedArticle | null> {
  let carried = takeCarriedArticle()
  return async () => {
    const text = carried
    carried = null
    if (text !== null) {
      const parsed = OpenedArticleResponse.safeParse(parsedJson(text))
      // A page whose copy cannot be read still has the server to ask.
      if (parsed.success) return parsed.data
    }
    const response = await fetch('./api/article').catch(() => null)
    if (!response?.ok || !response.headers.get('content-type')?.includes('application/json')) {
      return null
    }
    return OpenedArticleResponse.parse(await response.json())
  }
}

/** The article's JSON from the page, taken out of it: it is read once, and is not small. */
function takeCarriedArticle(): string | null {
  const element = document.getElementById(STARTUP_ARTICLE_ELEMENT_ID)
  if (!element) return null
  element.remove()
  return element.textContent
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

async function openText(request: OpenTextRequest): Promise<OpenedText | null> {
  const file = await pickFile(TEXT_FILE_EXTENSIONS[request.kind])
  if (!file) return null
  // Refused before reading: a 50 MB file is not read into memory to be rejected afterwards.
  if (file.size > MAX_OPEN_TEXT_BYTES) throw new TextFileTooLargeError(file.name, file.size)
  return { fileName: file.name, text: await file.text() }
}

function pickFile(extensions: readonly string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.join(',')
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => resolve(null), { once: true })
    input.click()
  })
}

function download(
  blob: Blob,
  request: Pick<SaveTextRequest, 'suggestedName'>,
): Promise<SavedFile | null> {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = request.suggestedName
  link.rel = 'noopener'
  link.click()
  // The download has started from the object URL; freeing it later keeps slow browsers happy.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return Promise.resolve({ location: request.suggestedName })
}
