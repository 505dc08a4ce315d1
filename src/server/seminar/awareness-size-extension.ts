import {
  IncomingMessage,
  MessageType,
  type Extension,
  type beforeHandleMessagePayload,
} from '@hocuspocus/server'
import type { SecurityLog } from './security-log'
import { SyncClose, SyncRefusal } from './sync-context'

/**
 * The biggest awareness message a client may send. A member's presence is a name, a colour and
 * a cursor: well under a kilobyte. Hocuspocus parses each state's JSON before any hook sees it,
 * and a megabyte of deeply nested JSON takes the server's thread for about a second.
 */
export const MAX_AWARENESS_MESSAGE_BYTES = 16 * 1024

/** Refuses an oversized awareness message before it is parsed, and closes its connection. */
export class AwarenessSizeExtension implements Extension {
  readonly extensionName = 'hamish-awareness-size'

  constructor(
    private readonly log: SecurityLog,
    private readonly maxBytes = MAX_AWARENESS_MESSAGE_BYTES,
  ) {}

  async beforeHandleMessage({
    connection,
    documentName,
    update,
  }: beforeHandleMessagePayload): Promise<void> {
    if (update.byteLength <= this.maxBytes) return
    const message = new IncomingMessage(update)
    message.readVarString()
    if (message.readVarUint() !== MessageType.Awareness) return
    this.log({ kind: 'awareness-too-big', documentName, bytes: update.byteLength })
    connection.webSocket.close(SyncClose.awarenessTooBig.code, SyncClose.awarenessTooBig.reason)
    throw new SyncRefusal(SyncClose.awarenessTooBig.reason)
  }
}
