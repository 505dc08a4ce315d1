/**
 * Stops the selection changes inside a text field at the window, before they reach anyone.
 *
 * Chromium fires `selectionchange` at an <input> or <textarea> whenever its caret moves, so on
 * every key typed, and the event bubbles to the document. There React (for `onSelect`) and
 * ProseMirror (for the article's selection) listen for changes of the document's selection, and
 * handling a field's change there cost about 3 ms a key beside a seminar's thousands of
 * annotations (docs/benchmarks.md, keystroke latency) for nothing: no part of the app uses a
 * field's own selection events. The document's `selectionchange` is left alone.
 */
export function ignoreTextFieldSelectionChanges(target: Window): void {
  target.addEventListener(
    'selectionchange',
    (event) => {
      const field = event.target
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        event.stopPropagation()
      }
    },
    { capture: true },
  )
}
