import type { WebContents } from 'electron'
import { ipcEvents } from '../../src/core/ipc/contract'
import type { IpcEventChannel, IpcEventPayload } from '../../src/core/ipc/contract'

type Log = (message: string) => void

/**
 * Sends an event to the renderer after checking it against the contract, as every request and
 * answer is checked: the renderer can then take what arrives at its word. An invalid payload is
 * a bug in the main process; it is logged and not sent.
 */
export function sendIpcEvent<C extends IpcEventChannel>(
  target: Pick<WebContents, 'send' | 'isDestroyed'> | null,
  channel: C,
  payload: IpcEventPayload<C>,
  log: Log = (message) => console.error(message),
): boolean {
  const parsed = ipcEvents[channel].safeParse(payload)
  if (!parsed.success) {
    log(
      `Hamish did not send an invalid "${channel}" event (${parsed.error.issues[0]?.message ?? 'invalid'}); please report this bug.`,
    )
    return false
  }
  if (target === null || target.isDestroyed()) return false
  target.send(channel, parsed.data)
  return true
}
