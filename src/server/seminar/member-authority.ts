import type { MemberTokenClaims } from '../../core/seminar/member-token-claims'
import type { MemberTokens } from './member-tokens'
import { TokenRejected } from './member-tokens'
import type { RecordStorage } from '../storage/seminar-storage'
import type { MemberRecord, SeminarRecord } from './seminar-records'

export interface VerifiedMember {
  claims: MemberTokenClaims
  member: MemberRecord
  seminar: SeminarRecord
}

/** Why a member token does not let its holder into a seminar, worded for them. */
export class MemberRejected {
  constructor(
    readonly status: 401 | 403 | 404,
    readonly reason: string,
  ) {}
}

/**
 * Decides whether a token lets its holder into a seminar, for the HTTP API and for every sync
 * connection alike: a valid signature, not expired, issued for this seminar, and the member's
 * current token (the members table names it) of a member who has not been removed. The role
 * comes from the members table, not from the token.
 */
export class MemberAuthority {
  constructor(
    private readonly tokens: MemberTokens,
    private readonly records: RecordStorage,
  ) {}

  async verify(token: string, seminarId: string): Promise<VerifiedMember> {
    let claims: MemberTokenClaims
    try {
      claims = await this.tokens.verify(token)
    } catch (error) {
      if (error instanceof TokenRejected) throw new MemberRejected(401, error.reason)
      throw error
    }
    if (claims.sid !== seminarId) {
      throw new MemberRejected(403, 'This sign-in is for another seminar.')
    }
    const seminar = await this.records.seminar(seminarId)
    if (!seminar) throw new MemberRejected(404, 'There is no such seminar on this server.')
    const member = await this.records.member(seminarId, claims.sub)
    if (!member || member.revokedAt !== null || member.tokenId !== claims.jti) {
      throw new MemberRejected(403, 'You are no longer a member of this seminar.')
    }
    return { claims, member, seminar }
  }

  /** Whether a member let in earlier is still a member now (they may have been removed since). */
  async isStillMember(seminarId: string, userId: string, tokenId: string): Promise<boolean> {
    const member = await this.records.member(seminarId, userId)
    return member !== null && member.revokedAt === null && member.tokenId === tokenId
  }
}
