import { Extension } from '@tiptap/core'
import type { EditorView } from '@tiptap/pm/view'
import type { DrawnRegion } from './drawn-region'
import type { HighlightRange } from './highlight-range'
import { annotationHighlightsPlugin, type AnnotationHighlightsCallbacks } from './highlights-plugin'
import {
  drawsProgressively,
  highlightsChange,
  highlightsState,
  withActiveAnnotation,
  withComputedHighlights,
} from './highlights-state'
import { visibleRegion } from './progressive-drawing'

export type AnnotationHighlightsOptions = AnnotationHighlightsCallbacks

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    annotationHighlights: {
      /**
       * Shows exactly these highlights, replacing the previous ones. Between two calls the
       * highlights follow the edits made to the document.
       */
      setAnnotationHighlights: (ranges: readonly HighlightRange[]) => ReturnType
      /** Emphasises one annotation's highlight (`hl-active`), or none. */
      setActiveAnnotation: (id: string | null) => ReturnType
    }
  }
}

/** The visible region, or none when the view has no layout (then everything is drawn at once). */
function visibleRegionOf(view: EditorView): DrawnRegion | undefined {
  try {
    return visibleRegion(view) ?? undefined
  } catch {
    return undefined
  }
}

/**
 * Annotation highlights as inline decorations: the app anchors its annotations and hands the
 * ranges over; nothing here is stored in the document. Styled by the app's CSS through the
 * `hl-*` classes, and only with background colour and underline (anything changing the glyphs'
 * metrics breaks Arabic letter joining inside a word). Works in a read-only view too.
 */
export const AnnotationHighlights = Extension.create<AnnotationHighlightsOptions>({
  name: 'annotationHighlights',

  addOptions() {
    return {}
  },

  addCommands() {
    return {
      // Neither dispatches when nothing would change (see `highlightsChange`).
      setAnnotationHighlights:
        (ranges) =>
        ({ state, tr, dispatch, view }) => {
          if (!dispatch) return true
          const next = highlightsChange(state, ranges)
          const visible = drawsProgressively(state, ranges) ? visibleRegionOf(view) : undefined
          if (next) withComputedHighlights(tr, ranges, next, visible)
          else tr.setMeta('preventDispatch', true)
          return true
        },
      setActiveAnnotation:
        (id) =>
        ({ state, tr, dispatch }) => {
          if (!dispatch) return true
          if (highlightsState(state).activeId !== id) withActiveAnnotation(tr, id)
          else tr.setMeta('preventDispatch', true)
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    return [annotationHighlightsPlugin(this.options)]
  },
})
