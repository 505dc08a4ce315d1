import { useEffect, useState } from 'react'

/** Long enough for any first frame; a window that is never painted (hidden) goes on after it. */
const AT_THE_LATEST_MS = 1_000

/**
 * Whether `ready` has held through a painted frame: false until the frame after it became true
 * has been painted, then true for good.
 */
export function usePaintedAfter(ready: boolean): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    if (!ready || painted) return
    const done = () => setPainted(true)
    // A task queued from a frame's callback runs once that frame is painted.
    let task = 0
    const frame = requestAnimationFrame(() => {
      task = window.setTimeout(done)
    })
    const fallback = window.setTimeout(done, AT_THE_LATEST_MS)
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(task)
      clearTimeout(fallback)
    }
  }, [ready, painted])
  return painted
}
