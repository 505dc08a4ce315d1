import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { DocConnection, MemberConnection } from './sync-transport'

/**
 * A member on the reference server: a y-websocket `WebsocketProvider` (one WebSocket) per
 * document, as y-websocket has no multiplexing; no cross-tab channel in Node.
 */
export function referenceMember(serverUrl: string): MemberConnection {
  const providers: WebsocketProvider[] = []
  return {
    open(docName: string, doc: Y.Doc): DocConnection {
      const provider = new WebsocketProvider(serverUrl, docName, doc, { disableBc: true })
      providers.push(provider)
      const synced = new Promise<void>((resolve) => {
        if (provider.synced) resolve()
        else provider.once('sync', () => resolve())
      })
      return { synced }
    },
    destroy() {
      for (const provider of providers) provider.destroy()
    },
  }
}
