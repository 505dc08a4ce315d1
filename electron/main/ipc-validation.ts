import type { z } from 'zod'
import type { IpcChannelSchemas } from '../../src/core/ipc'
import { isAppUrl } from './app-origin'

export type IpcCallCheck<Request> = { ok: true; request: Request } | { ok: false; error: string }

type RequestOf<Contract, C extends keyof Contract> = Contract[C] extends IpcChannelSchemas
  ? z.infer<Contract[C]['request']>
  : never

/**
 * Decides whether one IPC call may run: the channel is in the contract, it comes from a page
 * of the app itself (not a frame that navigated elsewhere or an embedded page), and its
 * payload matches the channel's request schema. Pure, so the rules are testable without
 * Electron.
 */
export function validateIpcCall<Contract extends Record<string, IpcChannelSchemas>>(
  contract: Contract,
  channel: string,
  senderUrl: string | null | undefined,
  payload: unknown,
): IpcCallCheck<RequestOf<Contract, keyof Contract & string>> {
  if (!Object.hasOwn(contract, channel)) {
    return { ok: false, error: `Hamish refused an IPC call on the unknown channel "${channel}".` }
  }
  if (!isAppUrl(senderUrl)) {
    return {
      ok: false,
      error: `Hamish refused an IPC call on "${channel}" from ${describeSender(senderUrl)}: only the app's own pages may call it.`,
    }
  }
  const schemas = contract[channel] as IpcChannelSchemas
  const parsed = schemas.request.safeParse(payload)
  if (!parsed.success) {
    return {
      ok: false,
      error: `Hamish refused an IPC call on "${channel}" with an invalid request: ${summarizeIssues(parsed.error)}`,
    }
  }
  return { ok: true, request: parsed.data as RequestOf<Contract, keyof Contract & string> }
}

export type IpcResultCheck<Response> =
  { ok: true; response: Response } | { ok: false; error: string }

/** Checks what the main process is about to answer, so a bug cannot hand the page a malformed value. */
export function validateIpcResult<Contract extends Record<string, IpcChannelSchemas>>(
  contract: Contract,
  channel: keyof Contract & string,
  result: unknown,
): IpcResultCheck<unknown> {
  const schemas = contract[channel] as IpcChannelSchemas
  const parsed = schemas.response.safeParse(result)
  if (!parsed.success) {
    return {
      ok: false,
      error: `Hamish produced an invalid answer on "${channel}" (${summarizeIssues(parsed.error)}); please report this bug.`,
    }
  }
  return { ok: true, response: parsed.data }
}

/**
 * `ipcRenderer.invoke(channel)` sends no argument and the preload never sends more than one;
 * anything else did not come from the preload.
 */
export function singlePayload(args: readonly unknown[]): IpcCallCheck<unknown> {
  if (args.length > 1) {
    return {
      ok: false,
      error: `Hamish refused an IPC call with ${args.length} arguments; expected at most one.`,
    }
  }
  return { ok: true, request: args[0] }
}

function describeSender(senderUrl: string | null | undefined): string {
  if (!senderUrl) return 'a frame that no longer exists'
  // The URL may be long or carry data; its scheme and host are enough to explain the refusal.
  try {
    const parsed = new URL(senderUrl)
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol
  } catch {
    return 'an unparseable address'
  }
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ')
}
