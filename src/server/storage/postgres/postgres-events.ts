import type { Client, Notification, Pool } from 'pg'
import { SeminarEvent, type SeminarEvents } from '../seminar-events'

const CHANNEL = 'hamish_seminar_events'
/** How long to wait before listening again after the listening connection was lost. */
const RELISTEN_MS = 1000

/**
 * Seminar events between the servers of one database, through PostgreSQL's LISTEN/NOTIFY: no
 * other service is needed for them, and a notice is sent only if the change was stored.
 */
export class PostgresSeminarEvents implements SeminarEvents {
  private readonly handlers: Array<(event: SeminarEvent) => void> = []
  private listener: Client | undefined
  private closed = false

  private constructor(
    private readonly pool: Pool,
    private readonly connect: () => Client,
  ) {}

  static async listen(pool: Pool, connect: () => Client): Promise<PostgresSeminarEvents> {
    const events = new PostgresSeminarEvents(pool, connect)
    await events.startListening()
    return events
  }

  async publish(event: SeminarEvent): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)])
  }

  subscribe(handle: (event: SeminarEvent) => void): void {
    this.handlers.push(handle)
  }

  async close(): Promise<void> {
    this.closed = true
    await this.listener?.end().catch(() => {})
  }

  private async startListening(): Promise<void> {
    const client = this.connect()
    client.on('notification', (message: Notification) => this.receive(message))
    // A lost connection is replaced; the events sent meanwhile are missed (see `sharedLiveChanges`).
    client.on('error', () => {})
    client.on('end', () => {
      if (this.listener !== client) return
      this.listener = undefined
      this.relisten()
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANNEL}`)
    } catch (error) {
      await client.end().catch(() => {})
      throw error
    }
    this.listener = client
  }

  private relisten(): void {
    if (this.closed) return
    setTimeout(() => {
      if (!this.closed) this.startListening().catch(() => this.relisten())
    }, RELISTEN_MS).unref()
  }

  private receive(message: Notification): void {
    if (message.channel !== CHANNEL || message.payload === undefined) return
    let parsed: unknown
    try {
      parsed = JSON.parse(message.payload)
    } catch {
      return
    }
    const event = SeminarEvent.safeParse(parsed)
    if (!event.success) return
    for (const handle of this.handlers) handle(event.data)
  }
}
