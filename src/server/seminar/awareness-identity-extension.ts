import type {
  Connection,
  Document,
  Extension,
  beforeHandleAwarenessPayload,
} from '@hocuspocus/server'
import { AWARENESS_USER_FIELD } from '../../core/seminar/awareness-user'
import type { SecurityLog } from './security-log'
import type { SyncContext } from './sync-context'

/**
 * A connection speaks for itself only. Each awareness state a client sends is stamped with the
 * identity its connection authenticated as (read-only connections included: students are
 * present on the article they may not edit); states for an awareness client id another
 * connection already uses are dropped, so no one can overwrite someone else's cursor or name;
 * and a connection may speak for a few client ids at most, so it cannot flood everyone's
 * presence list with invented peers.
 */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 4

export class AwarenessIdentityExtension implements Extension {
  readonly extensionName = 'hamish-awareness-identity'

  constructor(private readonly log: SecurityLog = () => {}) {}

  async beforeHandleAwareness(data: beforeHandleAwarenessPayload<SyncContext>): Promise<void> {
    const { connection, context, document, states } = data
    // Server-side changes have no connection; they speak for the server.
    if (!connection || !context) return
    const owned = document.getClients(connection)
    let claimed = owned.size
    for (const [clientId, state] of states) {
      if (!owned.has(clientId)) {
        if (ownedByAnother(document, connection, clientId)) {
          this.log({
            kind: 'awareness-dropped',
            documentName: document.name,
            userId: context.user.userId,
            clientId,
          })
          states.delete(clientId)
          continue
        }
        if (claimed >= MAX_AWARENESS_CLIENTS_PER_CONNECTION) {
          states.delete(clientId)
          continue
        }
        claimed++
      }
      const claimedId = claimedUserId(state[AWARENESS_USER_FIELD])
      if (claimedId !== undefined && claimedId !== context.user.userId) {
        this.log({
          kind: 'awareness-claim',
          documentName: document.name,
          userId: context.user.userId,
          claimed: claimedId,
        })
      }
      state[AWARENESS_USER_FIELD] = { ...context.user }
    }
  }
}

/** The user id a client's own awareness state claims, if it claims one. */
function claimedUserId(user: unknown): string | undefined {
  if (typeof user !== 'object' || user === null || !('userId' in user)) return undefined
  return String(user.userId)
}

function ownedByAnother(document: Document, self: Connection, clientId: number): boolean {
  return document
    .getConnections()
    .some((other) => other !== self && document.getClients(other).has(clientId))
}
