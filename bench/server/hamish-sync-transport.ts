import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import type * as Y from 'yjs'
import { SYNC_PATH } from '../../src/core/seminar/seminar-api'
import type { DocConnection, MemberConnection } from './sync-transport'

/**
 * A member as the app connects one: a single WebSocket (`HocuspocusProviderWebsocket`) carrying
 * a `HocuspocusProvider` per document, signed in with the member's token.
 */
export function hamishMember(serverUrl: string, token: string): MemberConnection {
  const url = new URL(SYNC_PATH, serverUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  const websocketProvider = new HocuspocusProviderWebsocket({ url: url.href })
  const providers: HocuspocusProvider[] = []
  return {
    open(docName: string, doc: Y.Doc): DocConnection {
      const provider = new HocuspocusProvider({
        websocketProvider,
        name: docName,
        token,
        document: doc,
      })
      providers.push(provider)
      const synced = new Promise<void>((resolve, reject) => {
        provider.on('synced', () => resolve())
        provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
          reject(new Error(`${docName}: ${reason}`)),
        )
      })
      provider.attach()
      return { synced }
    },
    destroy() {
      for (const provider of providers) provider.destroy()
      websocketProvider.destroy()
    },
  }
}
