import { useEffect, useRef } from 'react'

/**
 * Gives focus back to the button that opened a composer once the composer closes, saved or
 * cancelled, as a disclosure does: otherwise the focused field goes with the composer, focus
 * falls to the page, and a keyboard reader has lost their place on the card.
 */
export function useFocusReturn<T extends HTMLElement>(open: boolean) {
  const opener = useRef<T>(null)
  const wasOpen = useRef(open)
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus()
    wasOpen.current = open
  }, [open])
  return opener
}
