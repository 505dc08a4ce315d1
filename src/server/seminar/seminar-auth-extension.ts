import type { Extension, connectedPayload, onAuthenticatePayload } from '@hocuspocus/server'
import { parseDocName } from '../../core/seminar/doc-names'
import { memberColor } from '../../core/seminar/member-color'
import { permissionFor } from '../../core/seminar/permissions'
import { POST_BEFORE_SEEING_REFUSAL } from '../../core/seminar/seminar-settings'
import { MemberRejected, type MemberAuthority } from './member-authority'
import type { PostingGate } from './posting-gate'
import { publicIdentity, studentAliases } from './roster-projection'
import type { RecordStorage } from '../storage/seminar-storage'
import { SyncClose, SyncRefusal, type SyncContext } from './sync-context'

/**
 * Who may open which document (DESIGN.md's table), checked for every document a connection
 * asks for: a valid member token of the document's seminar, then `permissionFor`. Readers get a
 * read-only connection; so does everyone once the seminar is closed.
 */
export class SeminarAuthExtension implements Extension {
  readonly extensionName = 'hamish-seminar-auth'

  constructor(
    private readonly authority: MemberAuthority,
    private readonly records: RecordStorage,
    private readonly postingGate: PostingGate,
  ) {}

  async onAuthenticate(data: onAuthenticatePayload): Promise<SyncContext> {
    const ref = parseDocName(data.documentName)
    if (!ref)
      throw new SyncRefusal('There is no such document: the name is not a seminar document.')
    let verified
    try {
      verified = await this.authority.verify(data.token, ref.seminarId)
    } catch (error) {
      if (error instanceof MemberRejected) throw new SyncRefusal(error.reason)
      throw error
    }
    const { member, seminar } = verified
    const access = permissionFor(ref, member)
    if (access === 'none') {
      throw new SyncRefusal('You may not open this document: it belongs to another member.')
    }
    if (!(await this.postingGate.mayOpen(ref, member, seminar))) {
      throw new SyncRefusal(POST_BEFORE_SEEING_REFUSAL)
    }
    data.connectionConfig.readOnly = access === 'read' || seminar.closedAt !== null
    const aliases = seminar.settings.anonymousToPeers
      ? studentAliases(await this.records.members(seminar.id))
      : new Map<string, number>()
    return {
      seminarId: seminar.id,
      tokenId: member.tokenId,
      user: {
        userId: member.userId,
        ...publicIdentity(member, seminar, aliases.get(member.userId)),
        role: member.role,
        color: memberColor(member.userId),
      },
    }
  }

  /**
   * Checked again once the connection stands: a member removed, or a seminar closed, while this
   * connection was being authenticated would otherwise slip through.
   */
  async connected({ connection, context }: connectedPayload<SyncContext>): Promise<void> {
    if (
      !(await this.authority.isStillMember(context.seminarId, context.user.userId, context.tokenId))
    ) {
      connection.webSocket.close(SyncClose.removed.code, SyncClose.removed.reason)
      return
    }
    if ((await this.records.seminar(context.seminarId))?.closedAt) connection.readOnly = true
  }
}
