import { SignJWT, errors, jwtVerify } from 'jose'
import { MemberTokenClaims } from '../../core/seminar/member-token-claims'
import type { Role } from '../../core/seminar/role'

/**
 * How long a member token is good for: a semester with room to spare. Removal does not wait
 * for expiry (the members table is checked on every connection), so expiry only bounds how
 * long a token that leaked from a forgotten device stays useful. A student whose token expires
 * joins again with the seminar's link.
 */
export const MEMBER_TOKEN_LIFETIME_SECONDS = 180 * 24 * 60 * 60

const ISSUER = 'hamish'
const ALGORITHM = 'HS256'

export interface MemberTokenSubject {
  seminarId: string
  userId: string
  role: Role
  name: string
  tokenId: string
}

/** Why a token was not accepted, worded for the member holding it. */
export class TokenRejected {
  constructor(
    readonly kind: 'expired' | 'invalid',
    readonly reason: string,
  ) {}
}

/** Member tokens: JWTs signed with the server's secret (HS256, through `jose`). */
export class MemberTokens {
  constructor(
    private readonly secret: Uint8Array,
    private readonly now: () => Date = () => new Date(),
  ) {}

  issue(subject: MemberTokenSubject): Promise<string> {
    const issuedAt = Math.floor(this.now().getTime() / 1000)
    return new SignJWT({ sid: subject.seminarId, role: subject.role, name: subject.name })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(subject.userId)
      .setJti(subject.tokenId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + MEMBER_TOKEN_LIFETIME_SECONDS)
      .sign(this.secret)
  }

  /** The token's claims when its signature, issuer and expiry check out; else `TokenRejected`. */
  async verify(token: string): Promise<MemberTokenClaims> {
    let verified: Awaited<ReturnType<typeof jwtVerify>>
    try {
      verified = await jwtVerify(token, this.secret, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        currentDate: this.now(),
      })
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new TokenRejected(
          'expired',
          'Your sign-in to this seminar has expired: join it again with its link.',
        )
      }
      throw invalidToken()
    }
    const claims = MemberTokenClaims.safeParse(verified.payload)
    if (!claims.success) throw invalidToken()
    return claims.data
  }
}

function invalidToken(): TokenRejected {
  return new TokenRejected(
    'invalid',
    'This sign-in is not valid on this server: join the seminar again with its link.',
  )
}
