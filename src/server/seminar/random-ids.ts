import { randomBytes, randomUUID } from 'node:crypto'

/** 64 random bits as 16 hex digits: valid as a seminar id and as a user id (see doc-names). */
export function newSeminarId(): string {
  return randomBytes(8).toString('hex')
}

export function newUserId(): string {
  return randomBytes(8).toString('hex')
}

/** A member token's `jti`. */
export function newTokenId(): string {
  return randomUUID()
}
