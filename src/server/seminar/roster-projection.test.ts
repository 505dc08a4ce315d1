import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRoster, readSeminarInfo } from '../../core/seminar/roster'
import { SeminarSettings } from '../../core/seminar/seminar-settings'
import { writeRoster } from './roster-projection'
import type { MemberRecord, SeminarRecord } from './seminar-records'

function member(userId: string, name: string, joinedAt = '2026-01-01T00:00:00.000Z'): MemberRecord {
  return {
    seminarId: 's',
    userId,
    name,
    role: 'student',
    tokenId: 't',
    joinedAt,
    revokedAt: null,
  }
}

function seminar(settings: Partial<SeminarSettings> = {}): SeminarRecord {
  return {
    id: 's',
    title: 'Defence diplomacy',
    contentHash: 'h',
    joinCodeHash: 'c',
    settings: SeminarSettings.parse(settings),
    createdAt: '2026-01-01T00:00:00.000Z',
    closedAt: null,
  }
}

describe('writeRoster', () => {
  it('holds exactly the members given, and writes nothing when nothing changed', () => {
    const doc = new Y.Doc()
    writeRoster(doc, [member('a', 'Amal'), member('b', 'Basma')], seminar())
    writeRoster(doc, [member('a', 'Amal K.')], seminar())
    expect([...readRoster(doc)].map(([id, entry]) => [id, entry.name])).toEqual([['a', 'Amal K.']])
    let updates = 0
    doc.on('update', () => updates++)
    doc.transact(() => writeRoster(doc, [member('a', 'Amal K.')], seminar()))
    expect(updates).toBe(0)
  })

  it("carries the seminar's title, settings and closing for every member to read", () => {
    const doc = new Y.Doc()
    writeRoster(doc, [], {
      ...seminar({ postBeforeSeeing: true }),
      closedAt: '2026-02-01T00:00:00Z',
    })
    expect(readSeminarInfo(doc)).toEqual({
      title: 'Defence diplomacy',
      settings: { postBeforeSeeing: true, anonymousToPeers: false },
      closedAt: '2026-02-01T00:00:00Z',
    })
  })

  it('numbers students instead of naming them when the seminar is anonymous to peers', () => {
    const doc = new Y.Doc()
    const teacher = { ...member('t', 'Dr Huda'), role: 'instructor' as const }
    const basma = member('b', 'Basma', '2026-01-03T00:00:00.000Z')
    const amal = member('a', 'Amal', '2026-01-02T00:00:00.000Z')
    const gone = { ...member('g', 'Gone', '2026-01-01T00:00:00.000Z'), revokedAt: '2026-01-05' }
    writeRoster(doc, [teacher, basma, amal], seminar({ anonymousToPeers: true }), [
      teacher,
      basma,
      amal,
      gone,
    ])
    const roster = readRoster(doc)
    expect(roster.get('t')).toMatchObject({ name: 'Dr Huda' })
    // A removed student keeps number 1: numbers never pass from one student to another.
    expect(roster.get('a')).toMatchObject({ name: '', alias: 2 })
    expect(roster.get('b')).toMatchObject({ name: '', alias: 3 })
    expect(JSON.stringify(doc.toJSON())).not.toMatch(/Amal|Basma/)
  })
})
