import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { membershipKey } from '../../src/core/seminar/membership'
import { goTo, leaveSeminar, useMemberships } from '../state/memberships'

const JOIN = '__join__'

/** Where the reader is: alone on this device, or one of the seminars it has joined. */
export function SeminarSwitcher({ onJoin }: { onJoin: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const { memberships, place } = useMemberships()
  const value = place.kind === 'seminar' ? place.key : 'local'
  return (
    <span className="seminar-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('seminar_place')}
      </label>
      <select
        id={id}
        className="tool"
        value={value}
        data-testid="seminar-switcher"
        onChange={(event) => {
          const next = event.target.value
          if (next === JOIN) return onJoin()
          goTo(next === 'local' ? { kind: 'local' } : { kind: 'seminar', key: next })
        }}
      >
        <option value="local">{t('seminar_readingAlone')}</option>
        {memberships.map((membership) => (
          <option key={membershipKey(membership)} value={membershipKey(membership)}>
            {membership.title ?? membership.seminarId} · {membership.name}
          </option>
        ))}
        <option value={JOIN}>{t('seminar_join')}</option>
      </select>
      {place.kind === 'seminar' && (
        <button
          type="button"
          className="tool"
          onClick={() => leaveSeminar(place.key)}
          title={t('seminar_leave')}
          aria-label={t('seminar_leave')}
        >
          ⏏
        </button>
      )}
    </span>
  )
}
