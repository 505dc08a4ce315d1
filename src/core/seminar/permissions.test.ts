import { describe, expect, it } from 'vitest'
import { docName, parseDocName, type DocRef, type UserDocScope } from './doc-names'
import { permissionFor, type Access } from './permissions'
import type { Role } from './role'

/*
 * DESIGN.md's table, written out by hand for every kind of document and every kind of reader:
 * an instructor or a student, reading their own user documents ("self") or someone else's.
 */

type Reader = 'instructor-self' | 'instructor-other' | 'student-self' | 'student-other'

const EXPECTED: Record<string, Record<Reader, Access>> = {
  article: {
    'instructor-self': 'write',
    'instructor-other': 'write',
    'student-self': 'read',
    'student-other': 'read',
  },
  roster: {
    'instructor-self': 'read',
    'instructor-other': 'read',
    'student-self': 'read',
    'student-other': 'read',
  },
  notebook: {
    'instructor-self': 'write',
    'instructor-other': 'write',
    'student-self': 'write',
    'student-other': 'write',
  },
  'user:class': {
    'instructor-self': 'write',
    'instructor-other': 'read',
    'student-self': 'write',
    'student-other': 'read',
  },
  'user:instructor': {
    'instructor-self': 'write',
    'instructor-other': 'read',
    'student-self': 'write',
    'student-other': 'none',
  },
  'user:private': {
    'instructor-self': 'write',
    'instructor-other': 'none',
    'student-self': 'write',
    'student-other': 'none',
  },
}

const SEMINAR = 'sem-1'
const OWNER = 'owner-1'
const SCOPES: UserDocScope[] = ['class', 'instructor', 'private']

function refFor(row: string): DocRef {
  if (row === 'article' || row === 'roster' || row === 'notebook') {
    return { kind: row, seminarId: SEMINAR }
  }
  return { kind: 'user', seminarId: SEMINAR, userId: OWNER, scope: row.slice(5) as UserDocScope }
}

function readerOf(reader: Reader): { userId: string; role: Role } {
  const [role, whose] = reader.split('-') as [Role, 'self' | 'other']
  return { role, userId: whose === 'self' ? OWNER : 'someone-else' }
}

describe('permissionFor', () => {
  const cases = Object.entries(EXPECTED).flatMap(([row, byReader]) =>
    Object.entries(byReader).map(([reader, access]) => ({ row, reader: reader as Reader, access })),
  )

  it.each(cases)('$row for $reader: $access', ({ row, reader, access }) => {
    // Through the document name, as the server sees it.
    const ref = parseDocName(docName(refFor(row)))
    expect(ref).not.toBeNull()
    expect(permissionFor(ref as DocRef, readerOf(reader))).toBe(access)
  })

  it('covers every document kind and scope of doc-names', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      ['article', 'notebook', 'roster', ...SCOPES.map((scope) => `user:${scope}`)].sort(),
    )
  })

  it('only ever lets the owner write a user document', () => {
    for (const scope of SCOPES) {
      for (const role of ['instructor', 'student'] as const) {
        const ref: DocRef = { kind: 'user', seminarId: SEMINAR, userId: OWNER, scope }
        expect(permissionFor(ref, { userId: 'owner-10', role })).not.toBe('write')
        expect(permissionFor(ref, { userId: OWNER, role })).toBe('write')
      }
    }
  })
})
