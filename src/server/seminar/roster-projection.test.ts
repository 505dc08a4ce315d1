import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRoster } from '../../core/seminar/roster'
import { writeRoster } from './roster-projection'
import type { MemberRecord } from './seminar-records'

function member(userId: string, name: string): MemberRecord {
  return {
    seminarId: 's',
    userId,
    name,
    role: 'student',
    tokenId: 't',
    joinedAt: '2026-01-01T00:00:00.000Z',
    revokedAt: null,
  }
}

describe('writeRoster', () => {
  it('holds exactly the members given, and writes nothing when nothing changed', () => {
    const doc = new Y.Doc()
    writeRoster(doc, [member('a', 'Amal'), member('b', 'Basma')])
    writeRoster(doc, [member('a', 'Amal K.')])
    expect([...readRoster(doc)].map(([id, entry]) => [id, entry.name])).toEqual([['a', 'Amal K.']])
    let updates = 0
    doc.on('update', () => updates++)
    doc.transact(() => writeRoster(doc, [member('a', 'Amal K.')]))
    expect(updates).toBe(0)
  })
})
