/**
 * Electron rejects a failed `ipcRenderer.invoke` with "Error invoking remote method
 * '<channel>': Error: <message>". The main process already words its errors for the user,
 * so the renderer should see only `<message>`.
 */
export function invokeErrorMessage(channel: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  const prefix = `Error invoking remote method '${channel}': `
  if (!raw.startsWith(prefix)) return raw
  return raw.slice(prefix.length).replace(/^[A-Za-z]*Error: /, '')
}
