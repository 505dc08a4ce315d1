import type { Connection, Hocuspocus } from '@hocuspocus/server'
import { parseDocName } from '../../core/seminar/doc-names'
import { SyncClose, type SyncContext } from './sync-context'

/** What the API changes in a seminar that must reach its open connections at once. */
export class LiveSeminars {
  constructor(private readonly hocuspocus: Hocuspocus) {}

  /**
   * Closes the WebSockets a removed member has open on this seminar's documents. Their client
   * reconnects, and its token is refused from then on.
   */
  disconnectMember(seminarId: string, userId: string): void {
    const sockets = new Set<Connection['webSocket']>()
    for (const connection of this.connectionsOf(seminarId)) {
      if ((connection.context as SyncContext).user.userId === userId) {
        sockets.add(connection.webSocket)
      }
    }
    for (const socket of sockets) socket.close(SyncClose.removed.code, SyncClose.removed.reason)
  }

  /** A closed seminar takes no more changes: every open connection to it becomes read-only. */
  makeReadOnly(seminarId: string): void {
    for (const connection of this.connectionsOf(seminarId)) connection.readOnly = true
  }

  private *connectionsOf(seminarId: string): Generator<Connection> {
    for (const document of this.hocuspocus.documents.values()) {
      if (parseDocName(document.name)?.seminarId !== seminarId) continue
      yield* document.getConnections()
    }
  }
}
