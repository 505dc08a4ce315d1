import { annotationEntries } from '../../core/annotations'
import { readRoster, readSeminarInfo } from '../../core/seminar/roster'
import { openAnnotationSession, type AnnotationSession } from '../annotation-session'
import { PeerDocuments } from './peer-documents'
import type { SeminarReading } from './seminar-reading'
import type { SyncedDoc } from './synced-doc'

/**
 * A member's annotation session in a seminar: the same session as reading alone (their own
 * three documents, undo, the collection, the private notebook), synced; plus the roster, the
 * seminar's shared notebook and the classmates' documents they may read.
 */
/** The least time between two requests for the documents held back until this student posts. */
const RETRY_SPACING_MS = 2000

export interface SeminarSession extends AnnotationSession {
  readonly roster: SyncedDoc
  readonly sharedNotebook: SyncedDoc
  readonly peers: PeerDocuments
}

export async function openSeminarSession(reading: SeminarReading): Promise<SeminarSession> {
  const { connection } = reading
  const { membership } = connection
  const roster = await connection.open(connection.docName({ kind: 'roster' }))
  const sharedNotebook = await connection.open(connection.docName({ kind: 'notebook' }), {
    awareness: true,
  })
  const session = await openAnnotationSession(
    reading,
    { userId: membership.userId, name: authorNameIn(roster, membership) },
    (name) => connection.open(name),
  )
  const peers = new PeerDocuments(connection, roster.doc, membership, session.collection)

  // "Post before you see": once something of ours is on the server, ask for the class again.
  const mine = (['class', 'instructor'] as const).map((scope) =>
    connection.get(connection.docName({ kind: 'user', userId: membership.userId, scope })),
  )
  let lastRetry = -Infinity
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  const onMine = () => {
    if (!peers.awaitingPost()) return
    const posted = mine.some(
      (synced) => synced && annotationEntries(synced.doc).size > 0 && synced.pending() === 0,
    )
    if (!posted) return
    // Spaced out: should the server still say no, asking again must not become a busy loop.
    const wait = lastRetry + RETRY_SPACING_MS - Date.now()
    if (wait > 0) {
      clearTimeout(retryTimer)
      retryTimer = setTimeout(onMine, wait)
      return
    }
    lastRetry = Date.now()
    void peers.retryAwaitingPost()
  }
  const unsubscribes = [...mine.map((synced) => synced?.subscribe(onMine)), peers.subscribe(onMine)]

  return {
    ...session,
    roster,
    sharedNotebook,
    peers,
    close: async () => {
      clearTimeout(retryTimer)
      for (const unsubscribe of unsubscribes) unsubscribe?.()
      await peers.close()
      await session.close()
    },
  }
}

/**
 * The name written into this member's annotations. A student of a seminar anonymous to peers
 * writes none (their classmates could read it); everyone else writes theirs. Until the roster
 * has been seen, nothing is written either: names shown come from the roster anyway.
 */
function authorNameIn(roster: SyncedDoc, membership: SeminarReading['connection']['membership']) {
  const info = readSeminarInfo(roster.doc)
  if (!info || !readRoster(roster.doc).has(membership.userId)) return ''
  if (info.settings.anonymousToPeers && membership.role === 'student') return ''
  return membership.name
}
