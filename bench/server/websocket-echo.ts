import { WebSocket, WebSocketServer } from 'ws'

/**
 * The floor under any sync latency: one WebSocket message to a loopback echo server and back,
 * `rounds` times in a row. Returns each round trip in milliseconds.
 */
export async function echoRoundTrips(rounds: number, bytes: number): Promise<number[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  server.on('connection', (socket) => socket.on('message', (data) => socket.send(data)))
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const address = server.address()
  if (address === null || typeof address === 'string')
    throw new Error('the echo server has no port')
  const client = new WebSocket(`ws://127.0.0.1:${address.port}`)
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('open', () => resolve())
      client.once('error', reject)
    })
    const payload = new Uint8Array(bytes).fill(7)
    const times: number[] = []
    for (let i = 0; i < rounds; i++) {
      const start = performance.now()
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('an echo took over 5 s')), 5_000)
        client.once('message', () => {
          clearTimeout(timer)
          resolve()
        })
        client.send(payload)
      })
      times.push(performance.now() - start)
    }
    return times
  } finally {
    client.terminate()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
