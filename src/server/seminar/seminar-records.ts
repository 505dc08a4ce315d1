import type { DatabaseSync } from 'node:sqlite'
import { z } from 'zod'
import { Role } from '../../core/seminar/role'
import { SeminarSettings } from '../../core/seminar/seminar-settings'

export interface SeminarRecord {
  id: string
  title: string
  contentHash: string
  joinCodeHash: string
  settings: SeminarSettings
  createdAt: string
  closedAt: string | null
}

export interface MemberRecord {
  seminarId: string
  userId: string
  name: string
  role: Role
  /** The `jti` of the member's one valid token. */
  tokenId: string
  joinedAt: string
  revokedAt: string | null
}

/** A `seminars` row as both stores keep it (SQLite here, PostgreSQL in `storage/postgres`). */
export const SeminarRow = z
  .object({
    id: z.string(),
    title: z.string(),
    content_hash: z.string(),
    join_code_hash: z.string(),
    settings_json: z.string(),
    created_at: z.string(),
    closed_at: z.string().nullable(),
  })
  .transform((row): SeminarRecord => ({
    id: row.id,
    title: row.title,
    contentHash: row.content_hash,
    joinCodeHash: row.join_code_hash,
    settings: SeminarSettings.parse(JSON.parse(row.settings_json)),
    createdAt: row.created_at,
    closedAt: row.closed_at,
  }))

export const MemberRow = z
  .object({
    seminar_id: z.string(),
    user_id: z.string(),
    name: z.string(),
    role: Role,
    token_id: z.string(),
    joined_at: z.string(),
    revoked_at: z.string().nullable(),
  })
  .transform((row): MemberRecord => ({
    seminarId: row.seminar_id,
    userId: row.user_id,
    name: row.name,
    role: row.role,
    tokenId: row.token_id,
    joinedAt: row.joined_at,
    revokedAt: row.revoked_at,
  }))

export const SEMINAR_COLUMNS =
  'id, title, content_hash, join_code_hash, settings_json, created_at, closed_at'
export const MEMBER_COLUMNS = 'seminar_id, user_id, name, role, token_id, joined_at, revoked_at'

/** Seminars and their members in SQLite. The article JSON is written once and not read back here. */
export class SeminarRecords {
  private readonly insertSeminarRow
  private readonly selectSeminar
  private readonly updateJoinCode
  private readonly updateClosed
  private readonly insertMemberRow
  private readonly selectMember
  private readonly selectMembers
  private readonly countActiveMembers
  private readonly updateRevoked

  constructor(db: DatabaseSync) {
    this.insertSeminarRow = db.prepare(
      `INSERT INTO seminars (${SEMINAR_COLUMNS}, article_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.selectSeminar = db.prepare(`SELECT ${SEMINAR_COLUMNS} FROM seminars WHERE id = ?`)
    this.updateJoinCode = db.prepare('UPDATE seminars SET join_code_hash = ? WHERE id = ?')
    this.updateClosed = db.prepare(
      'UPDATE seminars SET closed_at = ? WHERE id = ? AND closed_at IS NULL',
    )
    this.insertMemberRow = db.prepare(
      `INSERT INTO members (${MEMBER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    this.selectMember = db.prepare(
      `SELECT ${MEMBER_COLUMNS} FROM members WHERE seminar_id = ? AND user_id = ?`,
    )
    this.selectMembers = db.prepare(
      `SELECT ${MEMBER_COLUMNS} FROM members WHERE seminar_id = ? ORDER BY joined_at, rowid`,
    )
    this.countActiveMembers = db.prepare(
      'SELECT count(*) AS n FROM members WHERE seminar_id = ? AND revoked_at IS NULL',
    )
    this.updateRevoked = db.prepare(
      'UPDATE members SET revoked_at = ? WHERE seminar_id = ? AND user_id = ? AND revoked_at IS NULL',
    )
  }

  insertSeminar(seminar: SeminarRecord, articleJson: string): void {
    this.insertSeminarRow.run(
      seminar.id,
      seminar.title,
      seminar.contentHash,
      seminar.joinCodeHash,
      JSON.stringify(seminar.settings),
      seminar.createdAt,
      seminar.closedAt,
      articleJson,
    )
  }

  seminar(id: string): SeminarRecord | null {
    const row = this.selectSeminar.get(id)
    return row ? SeminarRow.parse(row) : null
  }

  setJoinCodeHash(seminarId: string, joinCodeHash: string): void {
    this.updateJoinCode.run(joinCodeHash, seminarId)
  }

  /** Marks the seminar closed; closing it again keeps the first date. */
  close(seminarId: string, at: string): void {
    this.updateClosed.run(at, seminarId)
  }

  insertMember(member: MemberRecord): void {
    this.insertMemberRow.run(
      member.seminarId,
      member.userId,
      member.name,
      member.role,
      member.tokenId,
      member.joinedAt,
      member.revokedAt,
    )
  }

  member(seminarId: string, userId: string): MemberRecord | null {
    const row = this.selectMember.get(seminarId, userId)
    return row ? MemberRow.parse(row) : null
  }

  /** Everyone who ever joined, the removed included, in the order they joined. */
  members(seminarId: string): MemberRecord[] {
    return this.selectMembers.all(seminarId).map((row) => MemberRow.parse(row))
  }

  activeMemberCount(seminarId: string): number {
    return Number(this.countActiveMembers.get(seminarId)?.['n'] ?? 0)
  }

  /** Removes a member; false when there is no such member or they were removed already. */
  revoke(seminarId: string, userId: string, at: string): boolean {
    return Number(this.updateRevoked.run(at, seminarId, userId).changes) === 1
  }
}
