import { useEffect } from 'react'
import type { DesktopShellBridge } from '../../src/core/ipc/bridge'
import type { OpenedArticle } from '../../src/core/platform'
import { readArticleFile } from '../platform/read-article-file'

/**
 * An article file dropped anywhere on the window opens like "Open article…": through the desktop
 * shell when there is one (it reads Word and PDF files too), otherwise in the page.
 */
export function useFileDrop(
  shell: DesktopShellBridge | null,
  open: (source: () => Promise<OpenedArticle | null>) => void,
) {
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0]
      if (!file) return
      // Never let the browser navigate to the dropped file.
      event.preventDefault()
      open(async () => (await shell?.openDroppedArticle(file)) ?? readArticleFile(file))
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [shell, open])
}
