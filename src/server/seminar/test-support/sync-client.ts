import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { OfflineSwitch } from '../../../core/seminar/offline-switch'

/** The server's answer to a connection: let in (read-write or read-only) or refused, and why. */
export type AuthOutcome =
  { ok: true; scope: 'read-write' | 'readonly' } | { ok: false; reason: string }

export interface CloseEventLike {
  code: number
  reason: string
}

/** A real `@hocuspocus/provider` client on one document, with the waits tests need. */
export interface SyncClient {
  readonly doc: Y.Doc
  readonly provider: HocuspocusProvider
  /** Settles with the server's first answer to the token. */
  readonly outcome: Promise<AuthOutcome>
  /** Resolves once the first sync handshake is done. */
  synced(): Promise<void>
  /** Resolves once the server has acknowledged every change this client sent. */
  acknowledged(): Promise<void>
  /** Resolves at the next change the server acknowledged as NOT applied (read-only). */
  nextRefusedChange(): Promise<void>
  /** Resolves at the next close of the WebSocket, with its code and reason. */
  nextClose(): Promise<CloseEventLike>
  /** Resolves at the next refusal of the token (on a reconnect, say). */
  nextAuthenticationFailure(): Promise<string>
  /** Drops the connection and stays offline, keeping changes made meanwhile for later. */
  goOffline(): void
  /** Connects again, and sends what was changed offline. */
  goOnline(): void
  destroy(): void
}

/** Message type 8 (SyncStatus) of the Hocuspocus protocol, after the document name. */
const SYNC_STATUS = 8

export interface ClientOptions {
  doc?: Y.Doc
}

export function connectClient(
  syncUrl: string,
  documentName: string,
  token: string,
  options: ClientOptions = {},
): SyncClient {
  const doc = options.doc ?? new Y.Doc()
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: syncUrl,
    // Reconnect quickly: tests wait for reconnects.
    delay: 20,
    minDelay: 20,
    maxDelay: 100,
    factor: 1,
    jitter: false,
  })
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: documentName,
    token,
    document: doc,
  })
  provider.attach()
  const offlineSwitch = new OfflineSwitch(websocketProvider)

  const outcome = new Promise<AuthOutcome>((resolve) => {
    provider.on('authenticated', ({ scope }: { scope: string }) =>
      resolve({ ok: true, scope: scope === 'readonly' ? 'readonly' : 'read-write' }),
    )
    provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
      resolve({ ok: false, reason }),
    )
  })

  return {
    doc,
    provider,
    outcome,
    synced: () =>
      provider.isSynced ? Promise.resolve() : once(provider, 'synced').then(() => undefined),
    acknowledged: () =>
      new Promise((resolve) => {
        const check = () => {
          if (provider.unsyncedChanges > 0) return
          provider.off('unsyncedChanges', check)
          resolve()
        }
        provider.on('unsyncedChanges', check)
        check()
      }),
    nextRefusedChange: () =>
      new Promise((resolve) => {
        const onMessage = ({ event }: { event: MessageEvent }) => {
          if (!isRefusedChange(new Uint8Array(event.data as ArrayBuffer))) return
          provider.off('message', onMessage)
          resolve()
        }
        provider.on('message', onMessage)
      }),
    nextClose: () =>
      once<{ event: CloseEventLike }>(websocketProvider, 'disconnect').then(({ event }) => ({
        code: event.code,
        reason: event.reason,
      })),
    nextAuthenticationFailure: () =>
      once<{ reason: string }>(provider, 'authenticationFailed').then(({ reason }) => reason),
    goOffline: () => offlineSwitch.goOffline(),
    goOnline: () => offlineSwitch.goOnline(),
    destroy() {
      offlineSwitch.dispose()
      provider.destroy()
      websocketProvider.destroy()
    },
  }
}

interface Emitter {
  on(event: string, listener: (payload: never) => void): unknown
  off(event: string, listener: (payload: never) => void): unknown
}

/** The provider's emitter has no `once`. */
function once<T>(emitter: Emitter, event: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      emitter.off(event, listener)
      resolve(payload)
    }
    emitter.on(event, listener)
  })
}

/** Whether a server message is a SyncStatus saying "not applied": varString, varUint 8, varInt 0. */
function isRefusedChange(bytes: Uint8Array): boolean {
  let offset = 0
  const readVarUint = () => {
    let value = 0
    for (let shift = 0; offset < bytes.length; shift += 7) {
      const byte = bytes[offset++] as number
      value += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) return value
    }
    return -1
  }
  const nameLength = readVarUint()
  offset += nameLength
  return readVarUint() === SYNC_STATUS && bytes[offset] === 0
}
