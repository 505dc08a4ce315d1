import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { ipcContract } from '../../src/core/ipc'
import type { IpcChannel, IpcRequest, IpcResponse } from '../../src/core/ipc'
import { singlePayload, validateIpcCall, validateIpcResult } from './ipc-validation'

/** The main-process side of every channel, already given a validated request. */
export type IpcImplementations = {
  [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>>
}

type Log = (message: string) => void

/**
 * Registers one `ipcMain.handle` per contract channel, each through the same validating
 * wrapper: sender, channel and payload are checked before the implementation runs, and its
 * result is checked before it leaves. A rejected call reaches the renderer as a rejected
 * promise whose message is one sentence for the user.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  implementations: IpcImplementations,
  log: Log = (message) => console.warn(message),
): void {
  for (const channel of Object.keys(ipcContract) as IpcChannel[]) {
    ipcMain.handle(channel, (event, ...args) =>
      handleIpcCall(channel, event, args, implementations, log),
    )
  }
}

export async function handleIpcCall(
  channel: IpcChannel,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  args: readonly unknown[],
  implementations: IpcImplementations,
  log: Log,
): Promise<unknown> {
  const payload = singlePayload(args)
  if (!payload.ok) throw refuse(payload.error, log)
  const call = validateIpcCall(ipcContract, channel, event.senderFrame?.url, payload.request)
  if (!call.ok) throw refuse(call.error, log)

  const implementation = implementations[channel] as (request: unknown) => Promise<unknown>
  let result: unknown
  try {
    result = await implementation(call.request)
  } catch (error) {
    // Implementations throw errors already worded for the user; pass on just the sentence.
    throw new Error(error instanceof Error ? error.message : String(error), { cause: error })
  }

  const checked = validateIpcResult(ipcContract, channel, result)
  if (!checked.ok) throw refuse(checked.error, log)
  return checked.response
}

function refuse(message: string, log: Log): Error {
  log(message)
  return new Error(message)
}
