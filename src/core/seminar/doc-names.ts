/**
 * Yjs document names, as DESIGN.md's "Documents" table: the server decides access from the
 * name alone, so names are built and parsed here and nowhere else.
 */

const SEMINAR_ID = /^[a-z0-9][a-z0-9-]{0,63}$/
const USER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/

export type UserDocScope = 'class' | 'instructor' | 'private'

export type DocRef =
  | { kind: 'article'; seminarId: string }
  | { kind: 'roster'; seminarId: string }
  | { kind: 'notebook'; seminarId: string }
  | { kind: 'user'; seminarId: string; userId: string; scope: UserDocScope }

export function isSeminarId(value: string): boolean {
  return SEMINAR_ID.test(value)
}

export function docName(ref: DocRef): string {
  if (!isSeminarId(ref.seminarId)) throw new Error(`invalid seminar id: ${ref.seminarId}`)
  if (ref.kind !== 'user') return `seminar:${ref.seminarId}:${ref.kind}`
  if (!USER_ID.test(ref.userId)) throw new Error(`invalid user id: ${ref.userId}`)
  return `seminar:${ref.seminarId}:user:${ref.userId}:${ref.scope}`
}

/** The inverse of `docName`; null for anything that is not exactly a name it would build. */
export function parseDocName(name: string): DocRef | null {
  const parts = name.split(':')
  if (parts[0] !== 'seminar' || parts[1] === undefined || !isSeminarId(parts[1])) return null
  const seminarId = parts[1]
  if (parts.length === 3) {
    const kind = parts[2]
    if (kind === 'article' || kind === 'roster' || kind === 'notebook') return { kind, seminarId }
    return null
  }
  if (parts.length === 5 && parts[2] === 'user' && parts[3] !== undefined) {
    const [, , , userId, scope] = parts
    if (!USER_ID.test(userId as string)) return null
    if (scope === 'class' || scope === 'instructor' || scope === 'private') {
      return { kind: 'user', seminarId, userId: userId as string, scope }
    }
  }
  return null
}

/**
 * A solo reading is a local seminar named after the article's content, so reopening the same
 * article finds its notes, and a different article never shares them.
 */
export function localSeminarId(articleContentHash: string): string {
  if (!/^[0-9a-f]{16,}$/.test(articleContentHash)) {
    throw new Error('a local seminar id needs a hex content hash')
  }
  return `local-${articleContentHash.slice(0, 24)}`
}
