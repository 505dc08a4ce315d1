import * as Y from 'yjs'
import { articlePlainText } from '../../core/article'
import type { ArticleDoc } from '../../core/article/article-doc'
import { ArticleContentError } from '../../core/article/article-to-yxml'
import { contentHash } from '../../core/content-hash'
import { seedSeminarArticle } from '../../core/seminar/article-doc-seed'
import { docName } from '../../core/seminar/doc-names'
import type {
  CloseSeminarResponse,
  CreateSeminarRequest,
  CreateSeminarResponse,
  JoinSeminarRequest,
  JoinSeminarResponse,
  ListMembersResponse,
  RevokeMemberResponse,
  RotateJoinCodeResponse,
} from '../../core/seminar/seminar-api'
import { instructorLink, joinLink } from '../../core/seminar/seminar-links'
import { SeminarSettings } from '../../core/seminar/seminar-settings'
import type { LiveChanges } from '../storage/seminar-events'
import type { SeminarStorage } from '../storage/seminar-storage'
import { ApiProblem } from './api-problem'
import { hashJoinCode, joinCodeMatches, newJoinCode } from './join-code'
import { MemberRejected, type MemberAuthority, type VerifiedMember } from './member-authority'
import type { MemberTokens } from './member-tokens'
import { newSeminarId, newTokenId, newUserId } from './random-ids'
import { writeRoster, type RosterProjection } from './roster-projection'
import type { MemberRecord, SeminarRecord } from './seminar-records'
import type { KeyedTokenBuckets } from './token-bucket'

/** Members a seminar takes: a big lecture, not a flood of invented students. */
export const MAX_SEMINAR_MEMBERS = 1000

export const DEFAULT_INSTRUCTOR_NAME = 'Instructor'

export interface SeminarServiceDependencies {
  storage: SeminarStorage
  tokens: MemberTokens
  authority: MemberAuthority
  roster: RosterProjection
  /** Applied on this server and on every other server sharing the store. */
  live: LiveChanges
  /** Wrong join codes per client address. */
  wrongCodes: KeyedTokenBuckets
  /** The article a seminar opens on when it is given none. */
  defaultArticle: ArticleDoc
  /** Where the links point: the address students reach this server at, ending in `/`. */
  publicUrl: () => string
  now: () => Date
}

/** The seminar lifecycle behind the HTTP API: create, join, list, rotate, remove, close. */
export class SeminarService {
  constructor(private readonly deps: SeminarServiceDependencies) {}

  /**
   * Opens a seminar: its record, its instructor, its article document (seeded here, once) and
   * its roster, stored in one transaction so that a seminar is never half there.
   */
  async create(request: CreateSeminarRequest): Promise<CreateSeminarResponse> {
    const { storage, tokens, now } = this.deps
    const article = request.article ?? this.deps.defaultArticle
    const createdAt = now().toISOString()
    const hash = contentHash(articlePlainText(article.content))
    const seminarId = newSeminarId()
    const articleDoc = new Y.Doc()
    try {
      seedSeminarArticle(articleDoc, article, hash, createdAt)
    } catch (error) {
      if (error instanceof ArticleContentError) {
        throw new ApiProblem(400, `This article cannot be used: ${error.message}`)
      }
      throw error
    }
    const joinCode = newJoinCode()
    const instructor: MemberRecord = {
      seminarId,
      userId: newUserId(),
      name: request.instructorName ?? DEFAULT_INSTRUCTOR_NAME,
      role: 'instructor',
      tokenId: newTokenId(),
      joinedAt: createdAt,
      revokedAt: null,
    }
    const seminar: SeminarRecord = {
      id: seminarId,
      title: request.title,
      contentHash: hash,
      joinCodeHash: hashJoinCode(joinCode),
      settings: request.settings ?? SeminarSettings.parse({}),
      createdAt,
      closedAt: null,
    }
    const rosterDoc = new Y.Doc()
    rosterDoc.transact(() => writeRoster(rosterDoc, [instructor], seminar))
    await storage.createSeminar({
      seminar,
      articleJson: JSON.stringify(article),
      instructor,
      documents: [
        { name: docName({ kind: 'article', seminarId }), state: Y.encodeStateAsUpdate(articleDoc) },
        { name: docName({ kind: 'roster', seminarId }), state: Y.encodeStateAsUpdate(rosterDoc) },
      ],
    })
    const instructorToken = await tokens.issue(subjectOf(instructor))
    const server = this.deps.publicUrl()
    return {
      seminarId,
      instructorToken,
      joinCode,
      instructorUrl: instructorLink(server, seminarId, instructorToken),
      joinUrl: joinLink(server, seminarId, joinCode),
    }
  }

  /**
   * A student joins with the code. `client` (the caller's address) has a budget of wrong codes;
   * once it is spent every attempt is refused until it refills, right code or not.
   */
  async join(
    seminarId: string,
    request: JoinSeminarRequest,
    client: string,
  ): Promise<JoinSeminarResponse> {
    const { tokens, roster, now } = this.deps
    const records = this.deps.storage.records
    const budget = this.deps.wrongCodes.bucket(client)
    if (!budget.hasToken()) {
      const seconds = budget.secondsUntilToken()
      throw new ApiProblem(
        429,
        `Too many wrong join codes from this address: try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        { 'Retry-After': String(seconds) },
      )
    }
    const seminar = await records.seminar(seminarId)
    if (!seminar || !joinCodeMatches(request.code, seminar.joinCodeHash)) {
      budget.take()
      throw new ApiProblem(
        403,
        'That join code does not open this seminar: check the code (or the link) with your instructor.',
      )
    }
    if (seminar.closedAt !== null) {
      throw new ApiProblem(403, 'This seminar is closed: it takes no new members.')
    }
    if ((await records.activeMemberCount(seminarId)) >= MAX_SEMINAR_MEMBERS) {
      throw new ApiProblem(403, `This seminar is full: it has ${MAX_SEMINAR_MEMBERS} members.`)
    }
    const member: MemberRecord = {
      seminarId,
      userId: newUserId(),
      name: request.name,
      role: 'student',
      tokenId: newTokenId(),
      joinedAt: now().toISOString(),
      revokedAt: null,
    }
    await records.insertMember(member)
    await roster.sync(seminarId)
    return {
      userId: member.userId,
      token: await tokens.issue(subjectOf(member)),
      role: member.role,
    }
  }

  /** The instructor a bearer token belongs to, with their seminar, or the problem to answer with. */
  async instructor(seminarId: string, token: string | null): Promise<VerifiedMember> {
    if (token === null) {
      throw new ApiProblem(401, 'Sign in as the instructor: send Authorization: Bearer <token>.', {
        'WWW-Authenticate': 'Bearer',
      })
    }
    let verified: VerifiedMember
    try {
      verified = await this.deps.authority.verify(token, seminarId)
    } catch (error) {
      if (error instanceof MemberRejected) throw new ApiProblem(error.status, error.reason)
      throw error
    }
    if (verified.member.role !== 'instructor') {
      throw new ApiProblem(403, "Only the seminar's instructors may do this.")
    }
    return verified
  }

  async members(seminarId: string): Promise<ListMembersResponse> {
    return {
      members: (await this.deps.storage.records.members(seminarId)).map((member) => ({
        userId: member.userId,
        name: member.name,
        role: member.role,
        joinedAt: member.joinedAt,
        revokedAt: member.revokedAt,
      })),
    }
  }

  async rotateJoinCode(seminarId: string): Promise<RotateJoinCodeResponse> {
    const joinCode = newJoinCode()
    await this.deps.storage.records.setJoinCodeHash(seminarId, hashJoinCode(joinCode))
    return { joinCode, joinUrl: joinLink(this.deps.publicUrl(), seminarId, joinCode) }
  }

  /** Removes a member: their token stops working and their open connections close now. */
  async revoke(seminarId: string, by: MemberRecord, userId: string): Promise<RevokeMemberResponse> {
    const { live, roster, now } = this.deps
    const records = this.deps.storage.records
    const member = await records.member(seminarId, userId)
    if (!member) throw new ApiProblem(404, 'There is no such member in this seminar.')
    if (member.userId === by.userId) {
      throw new ApiProblem(400, 'You cannot remove yourself from your own seminar.')
    }
    const revokedAt = member.revokedAt ?? now().toISOString()
    if (member.revokedAt === null) await records.revoke(seminarId, userId, revokedAt)
    live.disconnectMember(seminarId, userId)
    await roster.sync(seminarId)
    return { userId, revokedAt }
  }

  /** Closes the seminar for good: everyone can still read it, no one can change it. */
  async close(seminar: SeminarRecord): Promise<CloseSeminarResponse> {
    const { live, roster, now } = this.deps
    const closedAt = seminar.closedAt ?? now().toISOString()
    if (seminar.closedAt === null) await this.deps.storage.records.close(seminar.id, closedAt)
    live.makeReadOnly(seminar.id)
    await roster.sync(seminar.id)
    return { seminarId: seminar.id, closedAt }
  }
}

function subjectOf(member: MemberRecord) {
  return {
    seminarId: member.seminarId,
    userId: member.userId,
    role: member.role,
    name: member.name,
    tokenId: member.tokenId,
  }
}
