import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Hocuspocus } from '@hocuspocus/server'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { SYNC_PATH } from '../../core/seminar/seminar-api'
import type { SecurityLog } from './security-log'
import { SyncClose } from './sync-context'

/**
 * The biggest message a client may send: far above any keystroke or annotation, and above the
 * first sync of a long notebook. A bigger frame is refused by the WebSocket server before it is
 * read into memory, closing that connection with 1009 (Message Too Big); others carry on.
 */
export const MAX_SYNC_MESSAGE_BYTES = 2 * 1024 * 1024

/** How long a closing socket may take to say goodbye before it is cut at shutdown. */
const CLOSE_GRACE_MS = 1000

export interface SyncEndpoint {
  /** Takes an HTTP upgrade request; anything but `/sync` is answered 404. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Closes every sync connection and stops taking new ones. */
  close(): Promise<void>
}

/** Hocuspocus on the app's own HTTP server, through `ws` (Hocuspocus's own `Server` would listen on a port of its own). */
export function createSyncEndpoint(
  hocuspocus: Hocuspocus,
  maxMessageBytes = MAX_SYNC_MESSAGE_BYTES,
  log: SecurityLog = () => {},
): SyncEndpoint {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    // Compression would let a small frame inflate past the cap's intent, at a CPU cost.
    perMessageDeflate: false,
  })
  let closing = false

  const attach = (ws: WebSocket, req: IncomingMessage) => {
    const client = hocuspocus.handleConnection(ws, toFetchRequest(req))
    ws.on('message', (data: RawData, isBinary: boolean) => {
      // Once the server has decided to close a connection (a flood, a hostile update), what
      // the client had already sent is still being read: it is dropped, not handled.
      if (ws.readyState !== ws.OPEN) return
      if (!isBinary) {
        ws.close(SyncClose.binaryOnly.code, SyncClose.binaryOnly.reason)
        return
      }
      client.handleMessage(toBytes(data))
    })
    ws.on('close', (code: number, reason: Buffer) => {
      client.handleClose({ code, reason: reason.toString('utf8') })
    })
    // `ws` closes the socket itself on a protocol error or an oversized frame; without a
    // listener the 'error' event would end the whole process.
    ws.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        log({ kind: 'message-too-big', reason: error.message })
      }
    })
  }

  return {
    handleUpgrade(req, socket, head) {
      if (closing || pathOf(req) !== SYNC_PATH) {
        socket.end(
          `HTTP/1.1 ${closing ? '503 Service Unavailable' : '404 Not Found'}\r\n` +
            'Connection: close\r\nContent-Length: 0\r\n\r\n',
        )
        return
      }
      sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, req))
    },

    async close() {
      closing = true
      const open = [...sockets.clients]
      await Promise.all(open.map((ws) => closeGracefully(ws)))
      await new Promise<void>((resolve) => sockets.close(() => resolve()))
    },
  }
}

function closeGracefully(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) {
      resolve()
      return
    }
    const cut = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS)
    ws.once('close', () => {
      clearTimeout(cut)
      resolve()
    })
    ws.close(SyncClose.shuttingDown.code, SyncClose.shuttingDown.reason)
  })
}

function pathOf(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname
  } catch {
    return null
  }
}

/** Hocuspocus reads headers and query parameters from a Fetch `Request`. */
function toFetchRequest(req: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return new Request(new URL(req.url ?? '/', 'http://localhost'), { headers })
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}
