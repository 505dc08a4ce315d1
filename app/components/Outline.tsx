import type { Editor } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import type { OutlineEntry } from '../reader/use-outline'

interface OutlineProps {
  editor: Editor | null
  entries: OutlineEntry[]
}

/** The article's headings; choosing one brings it to the top of the reading column. */
export function Outline({ editor, entries }: OutlineProps) {
  const { t } = useTranslation()

  const jumpTo = (entry: OutlineEntry) => {
    const dom = editor?.view.nodeDOM(entry.pos)
    if (!(dom instanceof HTMLElement)) return
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches
    dom.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' })
  }

  return (
    <nav className="outline" data-testid="outline" aria-label={t('outline')}>
      <h2 className="panel-title">{t('outline')}</h2>
      {entries.length === 0 ? (
        <p className="outline-empty">{t('outlineEmpty')}</p>
      ) : (
        <ol className="outline-list">
          {entries.map((entry) => (
            <li
              key={entry.pos}
              className="outline-item"
              data-level={entry.level}
              data-title={entry.isTitle || undefined}
            >
              <button
                type="button"
                className="outline-link"
                dir="auto"
                onClick={() => jumpTo(entry)}
              >
                {entry.text}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  )
}
