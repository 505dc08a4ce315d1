import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import { SYNC_PATH } from '../../core/seminar/seminar-api'

/** The WebSocket constructor the provider uses: the browser's, or `ws` in Node tests. */
export type WebSocketConstructor = NonNullable<
  ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]['WebSocketPolyfill']
>

export interface SyncSocketOptions {
  WebSocket?: WebSocketConstructor
  /** Reconnect delays in ms; short in tests. */
  reconnectDelay?: { min: number; max: number }
}

/** `http://host:4321/` → `ws://host:4321/sync`: the sync endpoint beside the server's API. */
export function syncUrlOf(server: string): string {
  const url = new URL(SYNC_PATH.slice(1), server.endsWith('/') ? server : `${server}/`)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return url.toString()
}

/**
 * One WebSocket per seminar server, shared by every document of the seminar (DESIGN.md: all
 * documents multiplexed over one connection), reconnecting on its own with back-off.
 */
export function openSyncSocket(
  server: string,
  options: SyncSocketOptions = {},
): HocuspocusProviderWebsocket {
  const delay = options.reconnectDelay ?? { min: 500, max: 15_000 }
  return new HocuspocusProviderWebsocket({
    url: syncUrlOf(server),
    ...(options.WebSocket && { WebSocketPolyfill: options.WebSocket }),
    delay: delay.min,
    minDelay: delay.min,
    maxDelay: delay.max,
    factor: 2,
    jitter: true,
    // Never give up: a student on a train reconnects whenever the network is back.
    maxAttempts: 0,
  })
}

export function isSocketConnected(socket: HocuspocusProviderWebsocket): boolean {
  return socket.status === WebSocketStatus.Connected
}
