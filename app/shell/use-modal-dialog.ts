import { useEffect, useRef } from 'react'

/**
 * A native `<dialog>` opened as a modal when it mounts: the browser traps focus in it, makes
 * the page behind it inert, and closes it on Escape (its `close` event tells the owner).
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])
  return dialog
}
