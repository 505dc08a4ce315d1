import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocketServer } from 'ws'
import { OfflineSwitch } from './offline-switch'

/** The provider's reconnect delay here: long enough that a test acts before the timer fires. */
const DELAY_MS = 400

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A WebSocket server that counts connections and closes each at once while `closing` says so. */
async function countingServer(): Promise<{
  url: string
  connections: () => number
  closing: { on: boolean }
}> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  let connections = 0
  const closing = { on: true }
  server.on('connection', (socket) => {
    connections += 1
    if (closing.on) socket.close(4000, 'closed by the test server')
  })
  cleanups.push(() => server.close())
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    closing,
  }
}

function socketTo(url: string, delay = DELAY_MS): HocuspocusProviderWebsocket {
  const socket = new HocuspocusProviderWebsocket({
    url,
    delay,
    minDelay: delay,
    maxDelay: delay,
    factor: 1,
    jitter: false,
    maxAttempts: 0,
  })
  cleanups.push(() => socket.destroy())
  return socket
}

function nextStatus(socket: HocuspocusProviderWebsocket, status: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = (event: { status: string }) => {
      if (event.status !== status) return
      socket.off('status', listener)
      resolve()
    }
    socket.on('status', listener)
  })
}

/** A switched socket taken offline just after the server closed it, the provider's reconnect timer set. */
async function offlineWhileReconnectPending() {
  const server = await countingServer()
  const socket = socketTo(server.url)
  const offline = new OfflineSwitch(socket)
  await nextStatus(socket, 'disconnected')
  // The provider sets its reconnect timer right after this status.
  await sleep(0)
  offline.goOffline()
  return { server, socket, offline }
}

describe('OfflineSwitch', () => {
  it('stays offline after the server closed the socket, when the provider has already set a timer to reconnect', async () => {
    const { server, socket } = await offlineWhileReconnectPending()
    await sleep(DELAY_MS * 5)
    expect(server.connections()).toBe(1)
    expect(socket.status).toBe('disconnected')
  })

  it('reconnects when it goes online while the socket it dropped is still closing', async () => {
    const server = await countingServer()
    server.closing.on = false
    const socket = socketTo(server.url)
    const offline = new OfflineSwitch(socket)
    await nextStatus(socket, 'connected')
    for (let flap = 0; flap < 3; flap++) {
      offline.goOffline()
      offline.goOnline()
    }
    expect(socket.status).toBe('connected')
    await nextStatus(socket, 'disconnected')
    await nextStatus(socket, 'connected')
    expect(server.connections()).toBe(2)
    expect(offline.isOnline).toBe(true)
  })

  it('connects again when it goes online after the socket closed', async () => {
    const server = await countingServer()
    const socket = socketTo(server.url)
    const offline = new OfflineSwitch(socket)
    await nextStatus(socket, 'disconnected')
    offline.goOffline()
    server.closing.on = false
    await sleep(DELAY_MS * 2)
    expect(server.connections()).toBe(1)
    offline.goOnline()
    await nextStatus(socket, 'connected')
    expect(server.connections()).toBe(2)
  })

  it('connects at once when told the network is back, without waiting out the back-off', async () => {
    const server = await countingServer()
    // A back-off far longer than the test: only the switch can bring the second connection.
    const socket = socketTo(server.url, 60_000)
    const offline = new OfflineSwitch(socket)
    await nextStatus(socket, 'disconnected')
    server.closing.on = false
    offline.goOnline()
    await nextStatus(socket, 'connected')
    expect(server.connections()).toBe(2)
  })

  it('stops steering the socket once disposed', async () => {
    const { server, offline } = await offlineWhileReconnectPending()
    offline.dispose()
    // The provider's own timer now reconnects, as it would without the switch.
    await vi.waitFor(() => expect(server.connections()).toBeGreaterThanOrEqual(2), {
      timeout: DELAY_MS * 10,
    })
  })
})
