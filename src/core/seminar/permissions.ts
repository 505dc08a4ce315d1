import type { DocRef } from './doc-names'
import type { Role } from './role'

/** What a member may do with one document: `read` syncs it without accepting their changes. */
export type Access = 'write' | 'read' | 'none'

export interface SeminarUser {
  userId: string
  role: Role
}

/**
 * DESIGN.md's "Documents" table, for a member of the document's seminar (the caller checks
 * membership). The roster is written by the server alone, so every member only reads it.
 */
export function permissionFor(ref: DocRef, user: SeminarUser): Access {
  switch (ref.kind) {
    case 'article':
      return user.role === 'instructor' ? 'write' : 'read'
    case 'roster':
      return 'read'
    case 'notebook':
      return 'write'
    case 'user': {
      if (ref.userId === user.userId) return 'write'
      switch (ref.scope) {
        case 'class':
          return 'read'
        case 'instructor':
          return user.role === 'instructor' ? 'read' : 'none'
        case 'private':
          return 'none'
      }
    }
  }
}
