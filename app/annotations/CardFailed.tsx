import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDetail } from '../components/ErrorBoundary'

/** In a card's place when it could not be drawn: the margin keeps its place and its neighbours. */
export const CardFailed = forwardRef<HTMLElement, { error: unknown; style?: React.CSSProperties }>(
  function CardFailed({ error, style }, ref) {
    const { t } = useTranslation()
    return (
      <article ref={ref} style={style} className="thread-card" data-testid="card-failed">
        <p className="composer-error" role="alert" dir="auto">
          {t('cardFailed', { detail: errorDetail(error) })}
        </p>
      </article>
    )
  },
)
