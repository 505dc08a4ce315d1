import type { Pool, PoolClient } from 'pg'
import {
  MEMBER_COLUMNS,
  MemberRow,
  SEMINAR_COLUMNS,
  SeminarRow,
  type MemberRecord,
  type SeminarRecord,
} from '../../seminar/seminar-records'
import type { RecordStorage } from '../seminar-storage'

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
