import { useEffect, useState } from 'react'

/**
 * Whether what `shown` stands for (anything but null or false) has been on screen through a
 * painted frame: false until the frame after it was rendered has been painted, then true for
 * good. A different `shown` before that waits for its own frame.
 */
export function usePaintedAfter(shown: object | boolean | null): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    if (!shown || painted) return
    // A task queued from a frame's callback runs once that frame is painted.
    let task = 0
    const frame = requestAnimationFrame(() => {
      task = window.setTimeout(() => setPainted(true))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(task)
    }
  }, [shown, painted])
  return painted
}
