import { useTranslation } from 'react-i18next'
import type { MemberDirectory } from './use-member-directory'

interface MembersPanelProps {
  directory: MemberDirectory
  me: string
  onShowAnnotationsOf: (userId: string) => void
}

/** The seminar's members: who is online now and which section they are reading. */
export function MembersPanel({ directory, me, onShowAnnotationsOf }: MembersPanelProps) {
  const { t } = useTranslation()
  const members = [...directory.roster].sort(([a, entryA], [b, entryB]) => {
    const onlineFirst = Number(directory.online.has(b)) - Number(directory.online.has(a))
    return onlineFirst || entryA.joinedAt.localeCompare(entryB.joinedAt)
  })
  return (
    <section className="members-panel" data-testid="members-panel">
      <h2 className="panel-title">{t('seminar_members')}</h2>
      {members.length <= 1 && <p className="panel-empty">{t('seminar_noMembers')}</p>}
      <ul className="member-list">
        {members.map(([userId, entry]) => {
          const presence = directory.online.get(userId)
          return (
            <li
              key={userId}
              className="member"
              data-testid="member"
              data-online={presence !== undefined}
            >
              <span className="member-dot" style={{ background: entry.color }} aria-hidden="true" />
              <span className="member-name">
                <span dir="auto">{directory.nameOf(userId)}</span>
                {userId === me && <span className="member-you"> {t('seminar_you')}</span>}
              </span>
              <span className="member-role">{t(`seminar_role_${entry.role}`)}</span>
              <span className="member-presence">
                {presence ? t('seminar_online') : t('seminar_away')}
                {presence?.section && (
                  <>
                    {' · '}
                    <span dir="auto">{t('seminar_readingAt', { section: presence.section })}</span>
                  </>
                )}
              </span>
              <button
                type="button"
                className="link-button member-annotations"
                onClick={() => onShowAnnotationsOf(userId)}
              >
                {t('seminar_showAnnotationsOf', { name: directory.nameOf(userId) })}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
