import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemberAuthority, MemberRejected } from './member-authority'
import { MemberTokens } from './member-tokens'
import { SqliteRecordStorage } from '../storage/sqlite-seminar-storage'
import { openSeminarDatabase } from './seminar-database'
import { SeminarRecords, type MemberRecord } from './seminar-records'

const dir = mkdtempSync(join(tmpdir(), 'hamish-authority-'))
const db = openSeminarDatabase(dir)
const records = new SeminarRecords(db)
const tokens = new MemberTokens(new Uint8Array(32).fill(3))
const authority = new MemberAuthority(tokens, new SqliteRecordStorage(records))

const member: MemberRecord = {
  seminarId: 'sem',
  userId: 'u1',
  name: 'Hala',
  role: 'student',
  tokenId: 'current',
  joinedAt: '2026-01-01T00:00:00.000Z',
  revokedAt: null,
}

function tokenFor(tokenId: string, overrides: Partial<MemberRecord> = {}): Promise<string> {
  const { seminarId, userId, role, name } = { ...member, ...overrides }
  return tokens.issue({ seminarId, userId, role, name, tokenId })
}

async function rejection(token: string, seminarId = 'sem'): Promise<MemberRejected> {
  try {
    await authority.verify(token, seminarId)
  } catch (error) {
    if (error instanceof MemberRejected) return error
    throw error
  }
  throw new Error('the token was accepted')
}

beforeAll(() => {
  records.insertSeminar(
    {
      id: 'sem',
      title: 'T',
      contentHash: 'h',
      joinCodeHash: 'c',
      settings: { postBeforeSeeing: false, anonymousToPeers: false },
      createdAt: member.joinedAt,
      closedAt: null,
    },
    '{}',
  )
  records.insertMember(member)
})

afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('MemberAuthority', () => {
  it("lets in the member's current token, with the role from the members table", async () => {
    const verified = await authority.verify(
      await tokenFor('current', { role: 'instructor' }),
      'sem',
    )
    expect(verified.member.role).toBe('student')
    expect(await authority.isStillMember('sem', 'u1', 'current')).toBe(true)
  })

  it('refuses a token that is not the current one, or for a stranger', async () => {
    expect(await rejection(await tokenFor('older'))).toEqual(
      new MemberRejected(403, 'You are no longer a member of this seminar.'),
    )
    expect((await rejection(await tokenFor('current', { userId: 'u2' }))).status).toBe(403)
    expect(await authority.isStillMember('sem', 'u1', 'older')).toBe(false)
  })

  it('refuses a seminar that is not there, or not the token’s', async () => {
    expect(await rejection(await tokenFor('current', { seminarId: 'gone' }), 'gone')).toEqual(
      new MemberRejected(404, 'There is no such seminar on this server.'),
    )
    expect((await rejection(await tokenFor('current'), 'other')).reason).toBe(
      'This sign-in is for another seminar.',
    )
  })

  it('refuses a removed member', async () => {
    const token = await tokenFor('current')
    expect(records.revoke('sem', 'u1', '2026-02-01T00:00:00.000Z')).toBe(true)
    expect(records.revoke('sem', 'u1', '2026-03-01T00:00:00.000Z')).toBe(false)
    expect((await rejection(token)).reason).toBe('You are no longer a member of this seminar.')
    expect(await authority.isStillMember('sem', 'u1', 'current')).toBe(false)
  })
})
