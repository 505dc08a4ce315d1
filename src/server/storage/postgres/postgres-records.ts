import type { Pool, PoolClient } from 'pg'
import { z } from 'zod'
import { Role } from '../../../core/seminar/role'
import { SeminarSettings } from '../../../core/seminar/seminar-settings'
import type { MemberRecord, SeminarRecord } from '../../seminar/seminar-records'
import type { RecordStorage } from '../seminar-storage'

const SeminarRow = z
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

const MemberRow = z
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

const SEMINAR_COLUMNS =
  'id, title, content_hash, join_code_hash, settings_json, created_at, closed_at'
const MEMBER_COLUMNS = 'seminar_id, user_id, name, role, token_id, joined_at, revoked_at'

/** Seminars and their members in PostgreSQL, read by every server sharing the database. */
export class PostgresRecordStorage implements RecordStorage {
  constructor(private readonly pool: Pool) {}

  async seminar(id: string): Promise<SeminarRecord | null> {
    const { rows } = await this.pool.query(
      `SELECT ${SEMINAR_COLUMNS} FROM seminars WHERE id = $1`,
      [id],
    )
    return rows[0] ? SeminarRow.parse(rows[0]) : null
  }

  async setJoinCodeHash(seminarId: string, joinCodeHash: string): Promise<void> {
    await this.pool.query('UPDATE seminars SET join_code_hash = $1 WHERE id = $2', [
      joinCodeHash,
      seminarId,
    ])
  }

  async close(seminarId: string, at: string): Promise<void> {
    await this.pool.query(
      'UPDATE seminars SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL',
      [at, seminarId],
    )
  }

  async insertMember(member: MemberRecord): Promise<void> {
    await insertMember(this.pool, member)
  }

  async member(seminarId: string, userId: string): Promise<MemberRecord | null> {
    const { rows } = await this.pool.query(
      `SELECT ${MEMBER_COLUMNS} FROM members WHERE seminar_id = $1 AND user_id = $2`,
      [seminarId, userId],
    )
    return rows[0] ? MemberRow.parse(rows[0]) : null
  }

  async members(seminarId: string): Promise<MemberRecord[]> {
    const { rows } = await this.pool.query(
      `SELECT ${MEMBER_COLUMNS} FROM members WHERE seminar_id = $1 ORDER BY joined_at, seq`,
      [seminarId],
    )
    return rows.map((row) => MemberRow.parse(row))
  }

  async activeMemberCount(seminarId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM members WHERE seminar_id = $1 AND revoked_at IS NULL',
      [seminarId],
    )
    return Number(rows[0]?.n ?? 0)
  }

  async revoke(seminarId: string, userId: string, at: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE members SET revoked_at = $1
       WHERE seminar_id = $2 AND user_id = $3 AND revoked_at IS NULL`,
      [at, seminarId, userId],
    )
    return result.rowCount === 1
  }
}

export async function insertSeminar(
  client: PoolClient,
  seminar: SeminarRecord,
  articleJson: string,
): Promise<void> {
  await client.query(
    `INSERT INTO seminars (${SEMINAR_COLUMNS}, article_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      seminar.id,
      seminar.title,
      seminar.contentHash,
      seminar.joinCodeHash,
      JSON.stringify(seminar.settings),
      seminar.createdAt,
      seminar.closedAt,
      articleJson,
    ],
  )
}

export async function insertMember(client: Pool | PoolClient, member: MemberRecord): Promise<void> {
  await client.query(
    `INSERT INTO members (${MEMBER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      member.seminarId,
      member.userId,
      member.name,
      member.role,
      member.tokenId,
      member.joinedAt,
      member.revokedAt,
    ],
  )
}
