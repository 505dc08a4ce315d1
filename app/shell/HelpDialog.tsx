import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../src/core/platform'
import { useModalDialog } from './use-modal-dialog'

export type HelpTopic = 'about' | 'shortcuts'

const SHORTCUTS = [
  ['Ctrl+Shift+H', 'shortcutHighlight'],
  ['Ctrl+Alt+M', 'shortcutComment'],
  ['Ctrl+Enter', 'shortcutSave'],
  ['Escape', 'shortcutEscape'],
  ['Alt+↓ / Alt+↑', 'shortcutNext'],
  ['Alt+Enter', 'shortcutFollowQuote'],
  ['Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y', 'shortcutUndo'],
] as const

interface HelpDialogProps {
  topic: HelpTopic
  info: AppInfo | null
  onClose: () => void
}

/** About Hamish, or its keyboard shortcuts, in a native modal dialog (Escape closes it). */
export function HelpDialog({ topic, info, onClose }: HelpDialogProps) {
  const { t } = useTranslation()
  const dialog = useModalDialog()

  return (
    <dialog
      ref={dialog}
      className="help-dialog"
      data-testid={`dialog-${topic}`}
      aria-labelledby="help-dialog-title"
      onClose={onClose}
    >
      <h2 id="help-dialog-title">{topic === 'about' ? t('aboutTitle') : t('shortcutsTitle')}</h2>
      {topic === 'about' ? (
        <>
          <p>{t('aboutText')}</p>
          {info && (
            <p className="help-version">
              {info.name} {info.version} · {info.os}
            </p>
          )}
        </>
      ) : (
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([keys, label]) => (
              <tr key={keys}>
                {/* Left to right is the keys' direction, not the cell's: the cell keeps the
                    table's, so its inline-end padding is the gap before the description (on a
                    left-to-right cell in Arabic it fell on the far side). */}
                <th scope="row">
                  <kbd dir="ltr">{keys}</kbd>
                </th>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="dialog">
        <button type="submit" className="tool" autoFocus>
          {t('close')}
        </button>
      </form>
    </dialog>
  )
}
