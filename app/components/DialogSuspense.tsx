import { Component, Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice } from './Notice'

interface DialogSuspenseProps {
  children: ReactNode
  /** Called when the reader dismisses the notice that the dialog could not load. */
  onClose: () => void
}

/**
 * Holds a dialog whose code loads when it is first opened (a `lazy` component). Until it has
 * loaded, a screen reader hears that it is opening; nothing shows or moves on the page, where
 * the dialog will float above everything anyway. If its code cannot be loaded (a server gone
 * away), the reader is told so and the page behind it stays as it was.
 */
export function DialogSuspense({ children, onClose }: DialogSuspenseProps) {
  return (
    <DialogLoadBoundary onClose={onClose}>
      <Suspense fallback={<DialogOpening />}>{children}</Suspense>
    </DialogLoadBoundary>
  )
}

function DialogOpening() {
  const { t } = useTranslation()
  return (
    <p className="visually-hidden" role="status">
      {t('dialogOpening')}
    </p>
  )
}

function DialogFailed({ error, onClose }: { error: unknown; onClose: () => void }) {
  const { t } = useTranslation()
  const detail = error instanceof Error ? error.message : String(error)
  return <Notice message={t('dialogFailed', { detail })} onDismiss={onClose} />
}

class DialogLoadBoundary extends Component<DialogSuspenseProps, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown') }
  }

  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    return <DialogFailed error={error} onClose={this.props.onClose} />
  }
}
