import type { MemberRecord, SeminarRecord } from '../seminar/seminar-records'
import type { ServerSecrets } from '../seminar/server-secrets'
import type { SeminarEvents } from './seminar-events'

/**
 * Yjs documents: per document, a compacted state plus a log of the updates applied since.
 * `append` resolves once the update is durable: the server acknowledges a change to its client
 * only after that.
 */
export interface DocumentStorage {
  /** Everything stored for the document, as one update; null when nothing ever was. */
  load(name: string): Promise<Uint8Array | null>
  append(name: string, update: Uint8Array): Promise<void>
  /**
   * Stores `state` as the document's state and drops the update log it covers. `state` holds at
   * least everything this server applied; what each implementation does about updates only
   * other servers applied is written beside it.
   */
  compact(name: string, state: Uint8Array): Promise<void>
}

/** Seminars and their members. The article JSON is written once, at creation. */
export interface RecordStorage {
  seminar(id: string): Promise<SeminarRecord | null>
  setJoinCodeHash(seminarId: string, joinCodeHash: string): Promise<void>
  /** Marks the seminar closed; closing it again keeps the first date. */
  close(seminarId: string, at: string): Promise<void>
  insertMember(member: MemberRecord): Promise<void>
  member(seminarId: string, userId: string): Promise<MemberRecord | null>
  /** Everyone who ever joined, the removed included, in the order they joined. */
  members(seminarId: string): Promise<MemberRecord[]>
  activeMemberCount(seminarId: string): Promise<number>
  /** Removes a member; false when there is no such member or they were removed already. */
  revoke(seminarId: string, userId: string, at: string): Promise<boolean>
}

/** What a new seminar starts with, stored all at once or not at all. */
export interface NewSeminar {
  seminar: SeminarRecord
  articleJson: string
  instructor: MemberRecord
  /** Seeded documents (the article, the roster) as compacted states. */
  documents: ReadonlyArray<{ name: string; state: Uint8Array }>
}

/** Where a seminar server keeps everything: one SQLite file, or a PostgreSQL database. */
export interface SeminarStorage {
  readonly kind: 'sqlite' | 'postgres'
  /** Where it is, for people (no password): a file path or a database address. */
  readonly location: string
  readonly documents: DocumentStorage
  readonly records: RecordStorage
  /** Changes to live connections that every server sharing this store must apply. */
  readonly events: SeminarEvents
  createSeminar(seminar: NewSeminar): Promise<void>
  /** The token secret and the admin token: the same for every server sharing this store. */
  loadSecrets(): Promise<ServerSecrets>
  close(): Promise<void>
}
