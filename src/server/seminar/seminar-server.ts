import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { Hocuspocus } from '@hocuspocus/server'
import * as Y from 'yjs'
import type { ArticleDoc } from '../../core/article/article-doc'
import type { CreateSeminarRequest, CreateSeminarResponse } from '../../core/seminar/seminar-api'
import { PostgresSeminarStorage } from '../storage/postgres/postgres-seminar-storage'
import { openRedisSync } from '../storage/redis-sync'
import { sharedLiveChanges } from '../storage/seminar-events'
import type { SeminarStorage } from '../storage/seminar-storage'
import { SharedPersistenceExtension } from '../storage/shared-persistence-extension'
import { SqliteSeminarStorage } from '../storage/sqlite-seminar-storage'
import { AwarenessIdentityExtension } from './awareness-identity-extension'
import { AwarenessSizeExtension } from './awareness-size-extension'
import { LiveSeminars } from './live-seminars'
import { MemberAuthority } from './member-authority'
import { MemberTokens } from './member-tokens'
import {
  DEFAULT_MESSAGE_RATE,
  MessageRateExtension,
  type MessageRateOptions,
} from './message-rate-extension'
import { PostingGate } from './posting-gate'
import { PendingUpdatesLimitExtension } from './pending-updates-limit-extension'
import { RosterProjection } from './roster-projection'
import { createSeminarApiHandler, type SeminarApiHandler } from './seminar-api-handler'
import { SeminarAuthExtension } from './seminar-auth-extension'
import { SeminarService } from './seminar-service'
import {
  ReadOnlyWriteLogExtension,
  loggingApiRefusals,
  loggingRefusals,
  stderrSecurityLog,
  type SecurityLog,
} from './security-log'
import { SqlitePersistenceExtension } from './sqlite-persistence-extension'
import { MAX_SYNC_MESSAGE_BYTES, createSyncEndpoint } from './sync-endpoint'
import { KeyedTokenBuckets } from './token-bucket'

/** Wrong join codes an address may send: 10 a minute (a class behind one NAT mistypes too). */
export const WRONG_JOIN_CODES_PER_MINUTE = 10

/** How long `close` waits for open documents to be compacted before it closes the database. */
const UNLOAD_WAIT_MS = 5000

export interface SeminarServerOptions {
  /**
   * A prepared data folder (see `prepareDataDir`): `hamish.sqlite` and the secrets live there,
   * unless `database` names a PostgreSQL database to keep everything in instead.
   */
  dataDir: string
  /** A PostgreSQL database (`postgres://…`) shared with other servers, instead of SQLite. */
  database?: URL
  /** A Redis server (`redis://…`) through which servers on one database pass live changes. */
  redis?: URL
  /** The article a seminar opens on when it is created without one. */
  defaultArticle: ArticleDoc
  /** The address students reach this server at, ending in `/`, for the links it hands out. */
  publicUrl: () => string
  now?: () => Date
  messageRate?: MessageRateOptions
  maxMessageBytes?: number
  wrongJoinCodesPerMinute?: number
  /** Where refusals are reported (a forbidden document, a forged cursor, a flood); stderr by default. */
  securityLog?: SecurityLog
}

/** The seminar half of `hamish serve`: its HTTP API and its sync WebSocket, on the app's server. */
export interface SeminarServer {
  /** Creates seminars from other computers; printed at start, kept in the data folder. */
  readonly adminToken: string
  handleApi: SeminarApiHandler
  /** Creates a seminar in-process, for a host that is this program (the desktop app). */
  createSeminar(request: CreateSeminarRequest): Promise<CreateSeminarResponse>
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Where seminars are kept, for people: the SQLite file, or the database without password. */
  readonly storeLocation: string
  /**
   * What the SQLite store holds for a document (its state and pending updates, as one update),
   * read synchronously for tests. A server on PostgreSQL throws: read the database instead.
   */
  storedState(documentName: string): Uint8Array | null
  /** Closes every sync connection (the web server needs them gone to stop). */
  closeConnections(): Promise<void>
  /** Closes the connections, compacts what is open and closes the database. */
  close(): Promise<void>
}

export async function openSeminarServer(options: SeminarServerOptions): Promise<SeminarServer> {
  const now = options.now ?? (() => new Date())
  const clock = () => now().getTime()
  const storage = await openStorage(options, now)
  let redis: Awaited<ReturnType<typeof openRedisSync>> | undefined
  try {
    redis = options.redis ? await openRedisSync(options.redis) : undefined
  } catch (error) {
    await storage.close()
    throw error
  }
  const secrets = await storage.loadSecrets()
  const records = storage.records
  const documents = storage.documents
  const tokens = new MemberTokens(secrets.tokenSecret, now)
  const authority = new MemberAuthority(tokens, records)
  const log = options.securityLog ?? stderrSecurityLog
  const persistence =
    storage instanceof SqliteSeminarStorage
      ? new SqlitePersistenceExtension(storage.documentStore)
      : new SharedPersistenceExtension(documents, storage.location)

  // An open document holds changes its stored copy may not have yet: read it first.
  const readDocumentState = async (name: string): Promise<Uint8Array | null> => {
    const open = hocuspocus.documents.get(name)
    return open ? Y.encodeStateAsUpdate(open) : documents.load(name)
  }
  const hocuspocus = new Hocuspocus({
    name: 'hamish',
    quiet: true,
    extensions: [
      new MessageRateExtension(options.messageRate ?? DEFAULT_MESSAGE_RATE, clock, log),
      new AwarenessSizeExtension(log),
      loggingRefusals(
        new SeminarAuthExtension(authority, records, new PostingGate(readDocumentState)),
        log,
      ),
      new ReadOnlyWriteLogExtension(log),
      persistence,
      new PendingUpdatesLimitExtension(log),
      new AwarenessIdentityExtension(log),
      ...(redis ? [redis] : []),
    ],
  })
  const endpoint = createSyncEndpoint(
    hocuspocus,
    options.maxMessageBytes ?? MAX_SYNC_MESSAGE_BYTES,
    log,
  )
  const perMinute = options.wrongJoinCodesPerMinute ?? WRONG_JOIN_CODES_PER_MINUTE
  const service = new SeminarService({
    storage,
    tokens,
    authority,
    roster: new RosterProjection(hocuspocus, records),
    live: sharedLiveChanges(new LiveSeminars(hocuspocus), storage.events),
    wrongCodes: new KeyedTokenBuckets(perMinute, perMinute / 60, clock),
    defaultArticle: options.defaultArticle,
    publicUrl: options.publicUrl,
    now,
  })

  let closing: Promise<void> | undefined
  return {
    adminToken: secrets.adminToken,
    handleApi: loggingApiRefusals(createSeminarApiHandler(service, secrets.adminToken), log),
    createSeminar: (request) => service.create(request),
    handleUpgrade: (req, socket, head) => endpoint.handleUpgrade(req, socket, head),
    storeLocation: storage.location,
    storedState(documentName) {
      if (!(storage instanceof SqliteSeminarStorage)) {
        throw new Error('storedState reads the SQLite store only')
      }
      return storage.documentStore.load(documentName)
    },
    closeConnections: () => endpoint.close(),
    close() {
      closing ??= (async () => {
        await endpoint.close()
        hocuspocus.flushPendingStores()
        const deadline = Date.now() + UNLOAD_WAIT_MS
        while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) await sleep(10)
        if (persistence instanceof SharedPersistenceExtension) await persistence.flush()
        await redis?.onDestroy()
        await storage.close()
      })()
      return closing
    },
  }
}

/** SQLite in the data folder, unless a PostgreSQL database was named. */
function openStorage(options: SeminarServerOptions, now: () => Date): Promise<SeminarStorage> {
  if (options.database) return PostgresSeminarStorage.open(options.database, now)
  return Promise.resolve(SqliteSeminarStorage.open(options.dataDir, now))
}
