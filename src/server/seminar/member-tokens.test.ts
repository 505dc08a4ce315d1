import { SignJWT, UnsecuredJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { MEMBER_TOKEN_LIFETIME_SECONDS, MemberTokens, TokenRejected } from './member-tokens'

const secret = new Uint8Array(32).fill(7)
const subject = {
  seminarId: 'sem-1',
  userId: 'u-1',
  role: 'student' as const,
  name: 'Hanan',
  tokenId: 'jti-1',
}

async function rejection(tokens: MemberTokens, token: string): Promise<TokenRejected> {
  try {
    await tokens.verify(token)
  } catch (error) {
    if (error instanceof TokenRejected) return error
    throw error
  }
  throw new Error('the token was accepted')
}

describe('MemberTokens', () => {
  it('verifies what it issued and gives back the claims', async () => {
    const tokens = new MemberTokens(secret, () => new Date('2026-01-01T00:00:00Z'))
    const claims = await tokens.verify(await tokens.issue(subject))
    const iat = Date.parse('2026-01-01T00:00:00Z') / 1000
    expect(claims).toEqual({
      sid: 'sem-1',
      sub: 'u-1',
      role: 'student',
      name: 'Hanan',
      jti: 'jti-1',
      iat,
      exp: iat + MEMBER_TOKEN_LIFETIME_SECONDS,
    })
  })

  it('refuses a token once it has expired', async () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const tokens = new MemberTokens(secret, () => now)
    const token = await tokens.issue(subject)
    now = new Date(now.getTime() + (MEMBER_TOKEN_LIFETIME_SECONDS - 1) * 1000)
    await expect(tokens.verify(token)).resolves.toMatchObject({ sub: 'u-1' })
    now = new Date(now.getTime() + 2000)
    expect((await rejection(tokens, token)).kind).toBe('expired')
  })

  it('refuses tokens signed with another secret, unsigned, tampered or incomplete', async () => {
    const tokens = new MemberTokens(secret)
    const otherServer = await new MemberTokens(new Uint8Array(32).fill(8)).issue(subject)
    const unsigned = new UnsecuredJWT({ sid: 'sem-1', role: 'instructor', name: 'x' })
      .setSubject('u-1')
      .setJti('j')
      .setIssuer('hamish')
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode()
    const [header, payload, signature] = (await tokens.issue(subject)).split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'instructor' })).toString(
      'base64url',
    )
    const withoutSeminar = await new SignJWT({ role: 'student', name: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('hamish')
      .setSubject('u-1')
      .setJti('j')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret)
    for (const token of [
      otherServer,
      unsigned,
      `${header}.${promoted}.${signature}`,
      withoutSeminar,
      'not a token',
    ]) {
      expect(await rejection(tokens, token)).toEqual(
        new TokenRejected(
          'invalid',
          'This sign-in is not valid on this server: join the seminar again with its link.',
        ),
      )
    }
  })
})
