import type { Extension, beforeHandleMessagePayload } from '@hocuspocus/server'
import type { SecurityLog } from './security-log'
import { SyncClose, SyncRefusal, type SyncContext } from './sync-context'
import { TokenBucket } from './token-bucket'

export interface MessageRateOptions {
  /** Messages a connection may send in a burst. */
  burst: number
  /** Messages per second it may keep sending. */
  perSecond: number
}

/**
 * Typing produces a few dozen messages a second (an update and a cursor move per keystroke),
 * joining a seminar a handful per document; the defaults leave room for both and then some.
 */
export const DEFAULT_MESSAGE_RATE: MessageRateOptions = { burst: 600, perSecond: 200 }

/**
 * Limits how fast one WebSocket (all its documents together) may send: past the limit it is
 * closed, and only it; the client reconnects after its back-off. The size of a message is
 * capped before it is even read, by the WebSocket server (see `sync-endpoint`).
 */
export class MessageRateExtension implements Extension {
  readonly extensionName = 'hamish-message-rate'
  private readonly buckets = new WeakMap<object, TokenBucket>()
  private readonly refused = new WeakSet<object>()

  constructor(
    private readonly options: MessageRateOptions = DEFAULT_MESSAGE_RATE,
    private readonly clock: () => number = Date.now,
    private readonly log: SecurityLog = () => {},
  ) {}

  async beforeHandleMessage({
    connection,
    context,
  }: beforeHandleMessagePayload<SyncContext>): Promise<void> {
    const socket = connection.webSocket
    let bucket = this.buckets.get(socket)
    if (!bucket) {
      bucket = new TokenBucket(this.options.burst, this.options.perSecond, this.clock)
      this.buckets.set(socket, bucket)
    }
    if (bucket.take()) return
    // Messages already on their way arrive after the close: one line per connection is enough.
    if (!this.refused.has(socket)) {
      this.refused.add(socket)
      this.log({ kind: 'too-many-messages', userId: context?.user?.userId ?? null })
    }
    socket.close(SyncClose.tooManyMessages.code, SyncClose.tooManyMessages.reason)
    throw new SyncRefusal(SyncClose.tooManyMessages.reason)
  }
}
