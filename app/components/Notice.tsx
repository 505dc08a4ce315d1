import { useTranslation } from 'react-i18next'

/** A message the reader must see (an article that would not open), dismissable. */
export function Notice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="notice" role="alert">
      <p dir="auto">{message}</p>
      <button type="button" className="tool" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  )
}
