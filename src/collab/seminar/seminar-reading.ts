import { articleFragment, readArticleDocMeta } from '../article-seed'
import type { LocalReading } from '../local-reading'
import type { SeminarConnection } from './seminar-connection'
import type { SyncedDoc } from './synced-doc'

/** Why a seminar's article cannot be shown yet. */
export class SeminarArticleUnavailable extends Error {
  constructor(
    readonly reason: 'offline-first-open' | 'refused',
    readonly detail?: string,
  ) {
    super(
      reason === 'refused'
        ? `The seminar server refused the article: ${detail ?? ''}`
        : 'This seminar has not been opened on this device before, and its server cannot be reached.',
    )
    this.name = 'SeminarArticleUnavailable'
  }
}

/** A seminar's article: the same shape as a local reading, synced with the seminar's server. */
export interface SeminarReading extends LocalReading {
  readonly connection: SeminarConnection
  readonly articleDoc: SyncedDoc
}

/**
 * Opens the seminar's article. The server seeded it when the seminar was created; this side
 * only syncs it. A copy in IndexedDB opens at once, online or not; without one, the first sync
 * must bring it, and an unreachable server or a refused token says so rather than waiting.
 */
export async function openSeminarReading(
  connection: SeminarConnection,
  options: { firstOpenTimeoutMs?: number } = {},
): Promise<SeminarReading> {
  const name = connection.docName({ kind: 'article' })
  const articleDoc = await connection.open(name, { awareness: true })
  try {
    await articleArrives(connection, articleDoc, options.firstOpenTimeoutMs ?? 15_000)
  } catch (error) {
    await connection.release(name)
    throw error
  }
  const meta = readArticleDocMeta(articleDoc.doc)
  if (!meta)
    throw new Error(`The seminar's article ${name} is damaged: its details cannot be read.`)
  return {
    seminarId: connection.membership.seminarId,
    docName: name,
    doc: articleDoc.doc,
    fragment: articleFragment(articleDoc.doc),
    meta,
    connection,
    articleDoc,
    flush: () => connection.flush(),
    close: () => connection.close(),
  }
}

function articleArrives(
  connection: SeminarConnection,
  articleDoc: SyncedDoc,
  timeoutMs: number,
): Promise<void> {
  const present = () => readArticleDocMeta(articleDoc.doc) !== null
  if (present()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const settle = (outcome: Error | null) => {
      clearTimeout(timer)
      articleDoc.doc.off('update', check)
      unsubscribe()
      if (outcome) reject(outcome)
      else resolve()
    }
    const check = () => {
      if (present()) return settle(null)
      const access = articleDoc.access()
      if (access.state === 'refused') {
        return settle(new SeminarArticleUnavailable('refused', access.reason))
      }
    }
    const timer = setTimeout(() => {
      settle(new SeminarArticleUnavailable('offline-first-open'))
    }, timeoutMs)
    const checkSocket = () => {
      // Never synced here and the server cannot be reached: say so now, not after the timeout.
      if (connection.connectFailures() > 0)
        settle(new SeminarArticleUnavailable('offline-first-open'))
    }
    articleDoc.doc.on('update', check)
    const unsubscribeDoc = articleDoc.subscribe(check)
    const unsubscribeSocket = connection.subscribe(checkSocket)
    const unsubscribe = () => {
      unsubscribeDoc()
      unsubscribeSocket()
    }
    checkSocket()
  })
}
