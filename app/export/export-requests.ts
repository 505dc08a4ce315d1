import { useEffect, useSyncExternalStore } from 'react'

/** What the user asked for from the toolbar or the File menu. */
export type ExportRequest = 'export' | 'import' | 'dashboard'

type Handler = (request: ExportRequest) => void

/**
 * Requests for the export, import and dashboard dialogs, from wherever the user asks (the
 * toolbar, the desktop menu) to the workspace that has the annotations to export. One workspace
 * handles them at a time; with none open (an article still loading) the buttons are disabled.
 */
let handler: Handler | null = null
const listeners = new Set<() => void>()

export function requestExport(request: ExportRequest): void {
  handler?.(request)
}

/** Registers the open workspace as the one that shows the dialogs. */
export function useExportRequests(handle: Handler): void {
  useEffect(() => {
    handler = handle
    listeners.forEach((listener) => listener())
    return () => {
      if (handler === handle) handler = null
      listeners.forEach((listener) => listener())
    }
  }, [handle])
}

/** Whether a workspace is open to export from. */
export function useExportAvailable(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => handler !== null,
  )
}
