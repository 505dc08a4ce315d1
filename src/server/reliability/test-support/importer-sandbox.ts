import { Worker } from 'node:worker_threads'
import { bundleForTests } from '../../test-support/test-bundle'
import type { ImportRequest, ImportResult } from './importer-worker'

/** The worker's heap: far above any real article, well below the machine. */
const HEAP_LIMIT_MB = 384

/** What an input did that it must not: hang, run out of memory, or end the worker. */
export type SandboxResult =
  ImportResult | { outcome: 'hung' | 'out of memory'; detail: string; ms: number }

/** The importers in a worker thread, one input at a time, each with a deadline. */
export class ImporterSandbox {
  private worker: Worker | undefined

  private constructor(private readonly bundle: string) {}

  static async create(): Promise<ImporterSandbox> {
    const bundle = await bundleForTests(
      'src/server/reliability/test-support/importer-worker.ts',
      'importer-worker',
    )
    return new ImporterSandbox(bundle)
  }

  run(request: ImportRequest, deadlineMs: number): Promise<SandboxResult> {
    const worker = (this.worker ??= new Worker(this.bundle, {
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    }))
    const started = performance.now()
    const elapsed = () => Math.round(performance.now() - started)
    return new Promise((resolve) => {
      const done = (result: SandboxResult) => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        resolve(result)
      }
      const onMessage = (result: ImportResult) => done(result)
      const onError = (error: Error & { code?: string }) => {
        this.worker = undefined
        const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        done({
          outcome: outOfMemory ? 'out of memory' : 'crashed',
          detail: error.message,
          ms: elapsed(),
        })
      }
      const timer = setTimeout(() => {
        this.worker = undefined
        void worker.terminate()
        done({ outcome: 'hung', detail: `no answer in ${deadlineMs} ms`, ms: elapsed() })
      }, deadlineMs)
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.postMessage(request)
    })
  }

  async close(): Promise<void> {
    await this.worker?.terminate()
  }
}
