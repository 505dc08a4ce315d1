import { join } from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import { DocumentStore } from '../seminar/document-store'
import { DATABASE_FILE_NAME, inTransaction, openSeminarDatabase } from '../seminar/seminar-database'
import { SeminarRecords, type MemberRecord, type SeminarRecord } from '../seminar/seminar-records'
import { loadServerSecrets } from '../seminar/server-secrets'
import { localSeminarEvents } from './seminar-events'
import type { DocumentStorage, NewSeminar, RecordStorage, SeminarStorage } from './seminar-storage'

/**
 * The zero-setup store: `hamish.sqlite` and the secrets' files in the data folder, for one
 * server (the file is locked while it runs). `node:sqlite` is synchronous: each promise here is
 * settled by the time it is returned, so a write is on disk before the caller's next line.
 */
export class SqliteSeminarStorage implements SeminarStorage {
  readonly kind = 'sqlite'
  readonly location: string
  readonly events = localSeminarEvents
  readonly records: RecordStorage
  readonly documents: DocumentStorage
  /** The synchronous store, for the persistence extension that appends inside Yjs's event. */
  readonly documentStore: DocumentStore
  private readonly recordTable: SeminarRecords

  private constructor(
    private readonly dataDir: string,
    private readonly db: DatabaseSync,
    now: () => Date,
  ) {
    this.location = join(dataDir, DATABASE_FILE_NAME)
    this.recordTable = new SeminarRecords(db)
    this.documentStore = new DocumentStore(db, now)
    this.records = new SqliteRecordStorage(this.recordTable)
    this.documents = new SqliteDocumentStorage(this.documentStore)
  }

  /** Opens (creating on first use) the store in a prepared data folder. */
  static open(dataDir: string, now: () => Date = () => new Date()): SqliteSeminarStorage {
    return new SqliteSeminarStorage(dataDir, openSeminarDatabase(dataDir), now)
  }

  createSeminar({ seminar, articleJson, instructor, documents }: NewSeminar): Promise<void> {
    return settle(() =>
      inTransaction(this.db, () => {
        this.recordTable.insertSeminar(seminar, articleJson)
        this.recordTable.insertMember(instructor)
        for (const { name, state } of documents) this.documentStore.compact(name, state)
      }),
    )
  }

  loadSecrets() {
    return loadServerSecrets(this.dataDir)
  }

  close(): Promise<void> {
    return settle(() => this.db.close())
  }
}

/** The synchronous records behind the asynchronous interface. */
export class SqliteRecordStorage implements RecordStorage {
  constructor(private readonly table: SeminarRecords) {}

  seminar(id: string): Promise<SeminarRecord | null> {
    return settle(() => this.table.seminar(id))
  }
  setJoinCodeHash(seminarId: string, joinCodeHash: string): Promise<void> {
    return settle(() => this.table.setJoinCodeHash(seminarId, joinCodeHash))
  }
  close(seminarId: string, at: string): Promise<void> {
    return settle(() => this.table.close(seminarId, at))
  }
  insertMember(member: MemberRecord): Promise<void> {
    return settle(() => this.table.insertMember(member))
  }
  member(seminarId: string, userId: string): Promise<MemberRecord | null> {
    return settle(() => this.table.member(seminarId, userId))
  }
  members(seminarId: string): Promise<MemberRecord[]> {
    return settle(() => this.table.members(seminarId))
  }
  activeMemberCount(seminarId: string): Promise<number> {
    return settle(() => this.table.activeMemberCount(seminarId))
  }
  revoke(seminarId: string, userId: string, at: string): Promise<boolean> {
    return settle(() => this.table.revoke(seminarId, userId, at))
  }
}

class SqliteDocumentStorage implements DocumentStorage {
  constructor(private readonly store: DocumentStore) {}

  load(name: string): Promise<Uint8Array | null> {
    return settle(() => this.store.load(name))
  }
  append(name: string, update: Uint8Array): Promise<void> {
    return settle(() => this.store.append(name, update))
  }
  /** One process owns the file, so `state` holds every update appended (see `DocumentStore`). */
  compact(name: string, state: Uint8Array): Promise<void> {
    return settle(() => this.store.compact(name, state))
  }
}

/** Runs synchronous work now, its result or its error as a promise. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (error) {
    return Promise.reject(error as Error)
  }
}
