import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    articleEditing: {
      /** Turns the "edit article" mode on or off. */
      setArticleEditing: (editing: boolean) => ReturnType
    }
  }
}

export interface ArticleEditingOptions {
  /** Whether the article starts out editable. */
  editing: boolean
}

export const articleEditingKey = new PluginKey<boolean>('articleEditing')

/** The document arrived from Yjs (the stored article, or a peer's edit): never refuse it. */
function isFromYjs(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
  return meta?.isChangeOrigin === true
}

/**
 * Keeps the article read-only outside "edit article" mode while the view stays editable, so
 * a reader can place a caret and select text with the keyboard (Shift+arrows) to annotate it.
 * Typing, pasting, dropping and deleting are refused before they reach the DOM; any document
 * change that slips through (an IME composition cannot be cancelled) is filtered out.
 */
export const ArticleEditing = Extension.create<ArticleEditingOptions>({
  name: 'articleEditing',

  addOptions() {
    return { editing: false }
  },

  addCommands() {
    return {
      setArticleEditing:
        (editing) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(articleEditingKey, editing)
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    const initial = this.options.editing
    const editing = (state: Parameters<typeof articleEditingKey.getState>[0]) =>
      articleEditingKey.getState(state) === true
    return [
      new Plugin<boolean>({
        key: articleEditingKey,
        state: {
          init: () => initial,
          apply: (tr, value) => {
            const next = tr.getMeta(articleEditingKey) as boolean | undefined
            return typeof next === 'boolean' ? next : value
          },
        },
        filterTransaction: (tr, state) =>
          !tr.docChanged ||
          isFromYjs(tr) ||
          editing(state) ||
          tr.getMeta(articleEditingKey) === true,
        props: {
          attributes: (state): Record<string, string> =>
            editing(state) ? { 'data-editing': 'true' } : { 'aria-readonly': 'true' },
          handleDOMEvents: {
            beforeinput: (view, event) => {
              if (editing(view.state)) return false
              event.preventDefault()
              return true
            },
          },
          handlePaste: (view) => !editing(view.state),
          handleDrop: (view) => !editing(view.state),
        },
      }),
    ]
  },
})
