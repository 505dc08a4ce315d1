import { createServer } from 'node:http'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

/*
 * The plain y-websocket reference server (`@y/websocket-server`), run as a child process by the
 * sync benchmark: one room per document name, in memory, nothing persisted. Prints
 * `listening <port>` once it listens on loopback; stops on SIGTERM.
 */

const server = createServer((_req, res) => {
  res.writeHead(404).end()
})
const sockets = new WebSocketServer({ noServer: true })
sockets.on('connection', setupWSConnection)
server.on('upgrade', (req, socket, head) => {
  sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req))
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  process.stdout.write(`listening ${address.port}\n`)
})
process.once('SIGTERM', () => {
  for (const client of sockets.clients) client.terminate()
  server.close(() => process.exit(0))
})
