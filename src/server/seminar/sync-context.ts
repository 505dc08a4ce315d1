import type { AwarenessUser } from '../../core/seminar/awareness-user'

/** What a sync connection authenticated as (Hocuspocus's connection context). */
export interface SyncContext {
  seminarId: string
  /** The `jti` of the token it authenticated with. */
  tokenId: string
  user: AwarenessUser
}

/**
 * What the sync extensions throw to refuse a document: Hocuspocus sends `reason` to the client.
 * Not an `Error`: Hocuspocus logs every error's message, and a refused client is no server fault.
 */
export class SyncRefusal {
  constructor(readonly reason: string) {}
}

/** WebSocket close codes (4000–4999 are the application's) and their reasons, ≤ 123 bytes. */
export const SyncClose = {
  removed: { code: 4403, reason: 'You were removed from this seminar.' },
  tooManyMessages: { code: 4429, reason: 'Too many messages: the server closed this connection.' },
  shuttingDown: { code: 1001, reason: 'The Hamish server is shutting down.' },
  binaryOnly: { code: 1003, reason: 'Hamish sync messages are binary.' },
  awarenessTooBig: {
    code: 4413,
    reason: 'Presence updates must be small: the server closed this connection.',
  },
  unappliable: {
    code: 4422,
    reason: 'Changes that build on changes the server never received: the connection was closed.',
  },
  cannotSave: {
    code: 4507,
    reason:
      'The server cannot save changes now (disk full or read-only): yours stay on this device.',
  },
} as const
