import type { SyncClient } from '../../seminar/test-support/sync-client'

/**
 * A client that writes numbered entries into `Y.Array('edits')` of its document, one
 * transaction (so one update message) each, and counts the server's acknowledgements.
 *
 * The provider sends updates in order on one WebSocket and the server answers each with a
 * SyncStatus in the same order, so after `acked` acknowledgements the first `acked` entries
 * written are the ones the server has confirmed.
 */
export class TrackedWriter {
  readonly written: string[] = []
  private acks = 0
  private last = 0

  constructor(
    readonly id: string,
    readonly client: SyncClient,
  ) {}

  /** Starts counting; call once the first sync is acknowledged (nothing outstanding). */
  track(): void {
    this.last = this.client.provider.unsyncedChanges
    this.client.provider.on('unsyncedChanges', this.count)
  }

  /**
   * Stops counting, when the connection is lost: on reconnecting the provider resets its count
   * of outstanding changes to one (it resends everything in one sync), which is no answer.
   */
  freeze(): void {
    this.client.provider.off('unsyncedChanges', this.count)
  }

  private readonly count = ({ number }: { number: number }) => {
    if (number < this.last) this.acks += this.last - number
    this.last = number
  }

  write(): void {
    const entry = `${this.id}:${this.written.length}`
    this.written.push(entry)
    this.client.doc.getArray<string>('edits').push([entry])
  }

  /** The entries the server has said it applied (and so, stored). */
  get acknowledged(): string[] {
    return this.written.slice(0, this.acks)
  }

  get ackCount(): number {
    return this.acks
  }
}
