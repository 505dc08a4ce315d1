import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { AnnotationSession } from '../../src/collab/annotation-session'
import { AwarenessUser } from '../../src/core/seminar/awareness-user'
import type { NotebookPeers } from '../annotations/NotebookPanel'
import { isSeminarSession } from '../annotations/use-annotation-session'
import type { MemberDirectory } from './use-member-directory'

export interface NotebookChoice {
  key: string
  doc: Y.Doc
  title?: string
  peers?: NotebookPeers
}

interface SeminarNotebooksProps {
  session: AnnotationSession
  directory: MemberDirectory | null
  children: (notebook: NotebookChoice) => ReactNode
}

/**
 * Reading alone there is one notebook, the reader's own. In a seminar there is also the
 * seminar's shared notebook, written together with everyone's carets showing.
 */
export function SeminarNotebooks({ session, directory, children }: SeminarNotebooksProps) {
  const { t } = useTranslation()
  const [shared, setShared] = useState(false)
  if (!isSeminarSession(session) || !directory) {
    return children({ key: 'mine', doc: session.notebookDoc })
  }
  const labelOf = (user: Record<string, unknown>) => {
    const parsed = AwarenessUser.safeParse(user)
    return parsed.success ? directory.nameOf(parsed.data.userId, parsed.data.name) : ''
  }
  return (
    <>
      <div className="notebook-switch" role="group" aria-label={t('notebook')}>
        <button
          type="button"
          className="tool"
          aria-pressed={!shared}
          onClick={() => setShared(false)}
        >
          {t('seminar_myNotebook')}
        </button>
        <button
          type="button"
          className="tool"
          aria-pressed={shared}
          data-testid="shared-notebook"
          onClick={() => setShared(true)}
        >
          {t('seminar_sharedNotebook')}
        </button>
      </div>
      {shared
        ? children({
            key: 'shared',
            doc: session.sharedNotebook.doc,
            title: t('seminar_sharedNotebook'),
            peers: { provider: session.sharedNotebook.provider, labelOf },
          })
        : children({ key: 'mine', doc: session.notebookDoc, title: t('seminar_myNotebook') })}
    </>
  )
}
