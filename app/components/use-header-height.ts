import { useCallback, useRef } from 'react'

const PROPERTY = '--app-header-height'

/**
 * Publishes the sticky header's height as `--app-header-height`, for what sticks below it (the
 * side panel) and what scrolls to just below it (headings): the toolbar wraps onto more rows as
 * the window narrows, the interface language changes or the text grows.
 */
export function useHeaderHeight(): (header: HTMLElement | null) => void {
  const observer = useRef<ResizeObserver | null>(null)
  return useCallback((header: HTMLElement | null) => {
    observer.current?.disconnect()
    observer.current = null
    if (!header) return
    observer.current = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize[0]?.blockSize ?? header.offsetHeight
      document.documentElement.style.setProperty(PROPERTY, `${Math.ceil(height)}px`)
    })
    observer.current.observe(header)
  }, [])
}
