/**
 * Runs one importer on one input per message, in a worker thread the test can terminate: an
 * importer caught in a loop, or growing past the worker's heap limit, then fails that input
 * instead of hanging or ending the test runner.
 *
 * In: `{ importer, bytes }`. Out: `{ outcome: 'imported' | 'refused' | 'crashed', detail, ms }`,
 * where "refused" is one of the errors worded for the user (the importers' contract) and
 * "crashed" anything else.
 */
import { parentPort } from 'node:worker_threads'
import { ArticleImportError, importArticle } from '../../../core/article'
import { DocumentImportError } from '../../article-file'
import { HamishError } from '../../hamish-error'
import { importDocx } from '../../import-docx'
import { importPdf } from '../../import-pdf'

export type Importer = 'md' | 'html' | 'txt' | 'docx' | 'pdf'

export interface ImportRequest {
  importer: Importer
  bytes: Uint8Array
}

export interface ImportResult {
  outcome: 'imported' | 'refused' | 'crashed'
  detail: string
  ms: number
}

async function run({ importer, bytes }: ImportRequest): Promise<void> {
  switch (importer) {
    case 'docx':
      await importDocx(bytes, { path: '/fuzz/input.docx' })
      return
    case 'pdf':
      await importPdf(bytes, { path: '/fuzz/input.pdf' })
      return
    default:
      // As `readArticleFile` decodes a text file: UTF-8, bad bytes replaced.
      importArticle(new TextDecoder().decode(bytes), { format: importer, fileName: 'input' })
  }
}

parentPort?.on('message', async (request: ImportRequest) => {
  const started = performance.now()
  let result: Omit<ImportResult, 'ms'>
  try {
    await run(request)
    result = { outcome: 'imported', detail: '' }
  } catch (error) {
    const userFacing =
      error instanceof ArticleImportError ||
      error instanceof DocumentImportError ||
      error instanceof HamishError
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    result = { outcome: userFacing ? 'refused' : 'crashed', detail: detail.slice(0, 300) }
  }
  parentPort?.postMessage({ ...result, ms: Math.round(performance.now() - started) })
})
