import type * as Y from 'yjs'

/** How the sync benchmark puts a member's documents on a server: Hamish's or the reference. */

export interface DocConnection {
  /** Resolves once the first sync handshake with the server is done. */
  readonly synced: Promise<void>
}

export interface MemberConnection {
  open(docName: string, doc: Y.Doc): DocConnection
  /** Closes every document it opened. */
  destroy(): void
}
