import { randomBytes } from 'node:crypto'
import type { Pool } from 'pg'
import { ExitCode, HamishError } from '../../hamish-error'
import type { ServerSecrets } from '../../seminar/server-secrets'

/** 256 bits, as the file-kept secrets (see `server-secrets.ts`). */
const SECRET_BYTES = 32

/**
 * The secrets of servers that share a database live in it: every server must verify the
 * tokens any other issued and accept the same admin token, and the database is the one thing
 * they are sure to share (servers behind a load balancer seldom share a disk). It holds the
 * members' notes already, so it is guarded as closely as the secrets need. The first server to
 * start makes them; `ON CONFLICT DO NOTHING` lets servers starting together agree on one.
 */
export async function loadPostgresSecrets(pool: Pool, where: string): Promise<ServerSecrets> {
  const tokenSecret = await loadSecret(pool, 'token-secret', where)
  const adminToken = await loadSecret(pool, 'admin-token', where)
  return { tokenSecret: Buffer.from(tokenSecret, 'base64url'), adminToken }
}

async function loadSecret(pool: Pool, name: string, where: string): Promise<string> {
  await pool.query(
    'INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
    [name, randomBytes(SECRET_BYTES).toString('base64url')],
  )
  const { rows } = await pool.query<{ value: string }>(
    'SELECT value FROM server_secrets WHERE name = $1',
    [name],
  )
  const value = rows[0]?.value ?? ''
  if (!/^[A-Za-z0-9_-]{43,}$/.test(value)) {
    throw new HamishError(
      `the server secret "${name}" in ${where} is damaged (delete its row to make a new one; issued tokens stop working).`,
      ExitCode.dataError,
    )
  }
  return value
}
