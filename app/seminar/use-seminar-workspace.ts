import type { Editor } from '@tiptap/react'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { AnnotationSession } from '../../src/collab/annotation-session'
import type { LocalReading } from '../../src/collab/local-reading'
import type { Annotation } from '../../src/core/annotations/annotation'
import { membershipKey } from '../../src/core/seminar/membership'
import { isSeminarReading, isSeminarSession } from '../annotations/use-annotation-session'
import { rememberTitle } from '../state/memberships'
import { READING_AT_FIELD, useMemberDirectory, type MemberDirectory } from './use-member-directory'

export interface SeminarWorkspace {
  directory: MemberDirectory | null
  /** The server holds back classmates' annotations until this student posts. */
  awaitingPost: boolean
  closed: boolean
  /** Only instructors may correct a seminar's article (reading alone, the reader may). */
  canEditArticle: boolean
}

/**
 * What the workspace adds in a seminar: the member directory, presence (which section this
 * reader is on, for the roster of the others), the post-before-you-see state, and names as
 * this reader may see them on every annotation.
 */
export function useSeminarWorkspace(
  reading: LocalReading,
  session: AnnotationSession | null,
  editor: Editor | null,
): SeminarWorkspace {
  const seminarReading = isSeminarReading(reading) ? reading : null
  const seminarSession = session && isSeminarSession(session) ? session : null
  const directory = useMemberDirectory(seminarReading, seminarSession)
  const peers = seminarSession?.peers
  const awaitingPost = useSyncExternalStore(
    (listener) => peers?.subscribe(listener) ?? (() => undefined),
    () => peers?.awaitingPost() ?? false,
  )
  usePresence(seminarReading?.articleDoc.provider.awareness ?? null, editor)
  const membership = seminarReading?.connection.membership
  const title = directory?.info?.title
  useEffect(() => {
    // The switcher lists seminars by the title the instructor gave, once it is known.
    if (membership && title) rememberTitle(membershipKey(membership), title)
  }, [membership, title])
  const role = membership?.role
  return {
    directory,
    awaitingPost,
    closed: directory?.info?.closedAt != null,
    canEditArticle: !seminarReading || (role === 'instructor' && directory?.info?.closedAt == null),
  }
}

/**
 * Annotations with the names this reader may see: an anonymous author's number, or for an
 * instructor the real name beside it. Annotations that need no change keep their identity, so
 * what is memoised on them stays so.
 */
export function useNamedAnnotations(
  annotations: readonly Annotation[],
  directory: MemberDirectory | null,
): readonly Annotation[] {
  const nameOf = directory?.nameOf
  return useMemo(() => {
    if (!nameOf) return annotations
    let renamed = false
    const named = annotations.map((annotation) => {
      const name = nameOf(annotation.author, annotation.authorName)
      if (name === annotation.authorName) return annotation
      renamed = true
      return { ...annotation, authorName: name }
    })
    // The same array when no name changed, so what depends on it is not recomputed.
    return renamed ? named : annotations
  }, [annotations, nameOf])
}

interface AwarenessLike {
  setLocalStateField(field: string, value: unknown): void
}

/** Tells the other members which section is on this reader's screen (the nearest heading above). */
function usePresence(awareness: AwarenessLike | null, editor: Editor | null): void {
  useEffect(() => {
    if (!awareness || !editor) return
    let scheduled = 0
    // Undefined until the first report, which is always sent: a reader with no heading in the top
    // third of the screen is still present, in no section.
    let last: string | null | undefined = undefined
    const report = () => {
      scheduled = 0
      const headings = editor.view.dom.querySelectorAll('h1, h2, h3')
      let current: string | null = null
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top > window.innerHeight / 3) break
        current = heading.textContent?.trim().slice(0, 120) ?? null
      }
      if (current === last) return
      last = current
      awareness.setLocalStateField(READING_AT_FIELD, current)
    }
    const onScroll = () => {
      if (!scheduled) scheduled = window.setTimeout(report, 500)
    }
    report()
    window.addEventListener('scroll', onScroll, { passive: true, capture: true })
    // The article laid out anew (the rest of it after the first screen, another text size) moves
    // its headings as a scroll would.
    const relaidOut = new ResizeObserver(onScroll)
    relaidOut.observe(editor.view.dom)
    return () => {
      window.clearTimeout(scheduled)
      window.removeEventListener('scroll', onScroll, { capture: true })
      relaidOut.disconnect()
    }
  }, [awareness, editor])
}
