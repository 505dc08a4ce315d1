import { useMemo, useSyncExternalStore } from 'react'
import type { AnnotationCollection } from '../../src/core/annotations/annotation-collection'
import type { Annotation } from '../../src/core/annotations/annotation'

/** Every annotation the reader can see, re-read whenever any of their documents changes. */
export function useAnnotations(collection: AnnotationCollection | null): readonly Annotation[] {
  const source = useMemo(() => {
    let cached: readonly Annotation[] = collection?.all() ?? []
    return {
      subscribe: (listener: () => void) =>
        collection
          ? collection.subscribe(() => {
              cached = collection.all()
              listener()
            })
          : () => undefined,
      snapshot: () => cached,
    }
  }, [collection])
  return useSyncExternalStore(source.subscribe, source.snapshot)
}

/** Re-renders on undo/redo availability changes. */
export function useSubscription(subscribe: ((listener: () => void) => () => void) | null): number {
  const source = useMemo(() => {
    let version = 0
    return {
      subscribe: (listener: () => void) =>
        subscribe
          ? subscribe(() => {
              version++
              listener()
            })
          : () => undefined,
      snapshot: () => version,
    }
  }, [subscribe])
  return useSyncExternalStore(source.subscribe, source.snapshot)
}
