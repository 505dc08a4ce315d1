import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRoster, rosterMembers } from './roster'

describe('readRoster', () => {
  it('reads valid entries and leaves out what does not parse', () => {
    const doc = new Y.Doc()
    const members = rosterMembers(doc)
    const hanan = {
      name: 'حنان',
      role: 'student',
      color: '#047857',
      joinedAt: '2026-01-01T00:00:00Z',
    }
    members.set('u-1', hanan)
    members.set('u-2', { name: 'X', role: 'admin', color: '#000', joinedAt: 'x' })
    members.set('u-3', 'not an entry')
    expect([...readRoster(doc)]).toEqual([['u-1', hanan]])
  })
})
