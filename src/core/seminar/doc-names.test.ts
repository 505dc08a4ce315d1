import { describe, expect, it } from 'vitest'
import { docName, localSeminarId, parseDocName, type DocRef } from './doc-names'

describe('document names', () => {
  const refs: DocRef[] = [
    { kind: 'article', seminarId: 's1' },
    { kind: 'roster', seminarId: 's1' },
    { kind: 'notebook', seminarId: 's1' },
    { kind: 'user', seminarId: 's1', userId: 'u-7', scope: 'class' },
    { kind: 'user', seminarId: 's1', userId: 'u-7', scope: 'instructor' },
    { kind: 'user', seminarId: 's1', userId: 'u-7', scope: 'private' },
  ]

  it('builds the names of the design table and parses them back', () => {
    expect(refs.map(docName)).toEqual([
      'seminar:s1:article',
      'seminar:s1:roster',
      'seminar:s1:notebook',
      'seminar:s1:user:u-7:class',
      'seminar:s1:user:u-7:instructor',
      'seminar:s1:user:u-7:private',
    ])
    for (const ref of refs) expect(parseDocName(docName(ref))).toEqual(ref)
  })

  it.each([
    '',
    'seminar',
    'seminar::article',
    'seminar:s1:articles',
    'seminar:S1:article',
    'seminar:s1:article:extra',
    'seminar:s1:user:u1:secret',
    'seminar:s1:user::class',
    'seminar:../x:article',
    'other:s1:article',
  ])('refuses %j', (name) => {
    expect(parseDocName(name)).toBeNull()
  })

  it('refuses to build a name from an id that would not parse back', () => {
    expect(() => docName({ kind: 'article', seminarId: 'a:b' })).toThrow(/seminar id/)
  })

  it('names a local reading after its content hash', () => {
    const hash = 'ab'.repeat(32)
    expect(localSeminarId(hash)).toBe(`local-${hash.slice(0, 24)}`)
    expect(
      parseDocName(docName({ kind: 'article', seminarId: localSeminarId(hash) })),
    ).not.toBeNull()
    expect(() => localSeminarId('not hex')).toThrow()
  })
})
