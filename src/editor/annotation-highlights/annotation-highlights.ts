import { Extension } from '@tiptap/core'
import type { HighlightRange } from './highlight-range'
import { annotationHighlightsPlugin, type AnnotationHighlightsCallbacks } from './highlights-plugin'
import { withActiveAnnotation, withHighlights } from './highlights-state'

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
      setAnnotationHighlights:
        (ranges) =>
        ({ tr, dispatch }) => {
          if (dispatch) withHighlights(tr, ranges)
          return true
        },
      setActiveAnnotation:
        (id) =>
        ({ tr, dispatch }) => {
          if (dispatch) withActiveAnnotation(tr, id)
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    return [annotationHighlightsPlugin(this.options)]
  },
})
