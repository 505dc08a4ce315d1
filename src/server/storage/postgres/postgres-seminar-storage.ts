import type { Pool } from 'pg'
import { ExitCode, HamishError } from '../../hamish-error'
import type { ServerSecrets } from '../../seminar/server-secrets'
import type { NewSeminar, SeminarStorage } from '../seminar-storage'
import { redactedAddress } from './postgres-address'
import { PostgresDocumentStorage, storeState } from './postgres-documents'
import { PostgresSeminarEvents } from './postgres-events'
import { migrate } from './postgres-migrations'
import { PostgresRecordStorage, insertMember, insertSeminar } from './postgres-records'
import { loadPostgresSecrets } from './postgres-secrets'
import { inPostgresTransaction } from './postgres-transaction'

/** Connections each server keeps open at most; appends are short, so a few go a long way. */
const POOL_SIZE = 10
/** How long opening a connection may take before the database counts as unreachable. */
const CONNECT_TIMEOUT_MS = 10_000

/** The store that several servers share: everything in one PostgreSQL database. */
export class PostgresSeminarStorage implements SeminarStorage {
  readonly kind = 'postgres'
  readonly records: PostgresRecordStorage
  readonly documents: PostgresDocumentStorage

  private constructor(
    private readonly pool: Pool,
    readonly events: PostgresSeminarEvents,
    readonly location: string,
    private readonly now: () => Date,
  ) {
    this.records = new PostgresRecordStorage(pool)
    this.documents = new PostgresDocumentStorage(pool, now)
  }

  /** Connects, creates or updates the tables, and listens for other servers' events. */
  static async open(url: URL, now: () => Date = () => new Date()): Promise<PostgresSeminarStorage> {
    // Loaded only when asked for: a server on SQLite does not pay for it at start.
    const { default: pg } = await import('pg')
    const location = redactedAddress(url)
    const config = { connectionString: url.href, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }
    const pool = new pg.Pool({ ...config, max: POOL_SIZE })
    // An idle connection the server dropped: the pool replaces it; a query on it would fail
    // and say so. Without a listener the error would end the process.
    pool.on('error', () => {})
    try {
      const client = await pool.connect().catch((error: unknown) => {
        throw unreachable(location, error)
      })
      try {
        await migrate(client, location).catch((error: unknown) => {
          if (error instanceof HamishError) throw error
          throw new HamishError(
            `cannot set up Hamish's tables in ${location} (${messageOf(error)}): the user needs the right to create tables there.`,
            ExitCode.unavailable,
            { cause: error },
          )
        })
      } finally {
        client.release()
      }
      const events = await PostgresSeminarEvents.listen(pool, () => new pg.Client(config))
      return new PostgresSeminarStorage(pool, events, location, now)
    } catch (error) {
      await pool.end().catch(() => {})
      throw error
    }
  }

  async createSeminar({ seminar, articleJson, instructor, documents }: NewSeminar): Promise<void> {
    const at = this.now()
    await inPostgresTransaction(this.pool, async (client) => {
      await insertSeminar(client, seminar, articleJson)
      await insertMember(client, instructor)
      for (const { name, state } of documents) await storeState(client, name, state, at)
    })
  }

  loadSecrets(): Promise<ServerSecrets> {
    return loadPostgresSecrets(this.pool, this.location)
  }

  async close(): Promise<void> {
    await this.events.close()
    await this.pool.end()
  }
}

function unreachable(location: string, error: unknown): HamishError {
  return new HamishError(
    `cannot reach the PostgreSQL database ${location} (${messageOf(error)}): check --database, and that PostgreSQL is running and lets this user in.`,
    ExitCode.unavailable,
    { cause: error },
  )
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return messageOf(error.errors[0])
  }
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/\s+/g, ' ').trim() || 'no answer'
}
