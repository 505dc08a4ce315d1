import { BubbleMenu, type BubbleMenuPluginProps } from '@tiptap/extension-bubble-menu'
import { selectionRange } from '../../src/editor/selection-range'

/*
 * The selection menu's plugin is one of the article editor's extensions from its creation,
 * rather than registered by a React component once mounted (as `@tiptap/react/menus` does):
 * registering a plugin on a live editor recreates every plugin view, and the collaboration
 * plugin's view then rebuilds the whole article from its Yjs document, and the highlights are
 * mapped across that rebuild, on the way to the reader's first screen.
 */

type ShouldShow = NonNullable<BubbleMenuPluginProps['shouldShow']>

/**
 * The reader is read-only outside edit mode, yet a selection there is exactly what we annotate.
 * One function for good: a new one would need the plugin told of it.
 */
const showOverSelection: ShouldShow = ({ state, view, element }) =>
  selectionRange(state) !== null && (view.hasFocus() || element.contains(document.activeElement))

/** The element the menu's buttons are rendered into, hidden until there is a selection. */
export function createSelectionMenuElement(): HTMLElement {
  const element = document.createElement('div')
  element.className = 'selection-menu'
  element.setAttribute('role', 'toolbar')
  element.dataset['testid'] = 'selection-menu'
  // The plugin shows and places it; until then it must not take space or be seen.
  element.style.visibility = 'hidden'
  element.style.position = 'absolute'
  return element
}

/** The plugin that shows `element` over a selected passage of the article. */
export function selectionMenuExtension(element: HTMLElement) {
  return BubbleMenu.configure({
    element,
    pluginKey: 'selectionMenu',
    shouldShow: showOverSelection,
  })
}
