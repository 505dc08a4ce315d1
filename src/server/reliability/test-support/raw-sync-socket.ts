import WebSocket from 'ws'

/**
 * A bare WebSocket to the sync endpoint, for sending what no provider would. It never throws:
 * the server closing it, or refusing it, is an outcome the tests look at.
 */
export class RawSyncSocket {
  readonly closed: Promise<{ code: number; reason: string }>
  private readonly opened: Promise<boolean>
  received = 0
  private readonly ws: WebSocket

  constructor(url: string) {
    this.ws = new WebSocket(url, { perMessageDeflate: false })
    this.ws.on('error', () => {})
    this.ws.on('message', () => (this.received += 1))
    this.opened = new Promise((resolve) => {
      this.ws.once('open', () => resolve(true))
      this.ws.once('close', () => resolve(false))
    })
    this.closed = new Promise((resolve) => {
      this.ws.once('close', (code: number, reason: Buffer) =>
        resolve({ code, reason: reason.toString() }),
      )
    })
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /** Resolves once open (true), or closed before it opened (false). */
  ready(): Promise<boolean> {
    return this.opened
  }

  send(bytes: Uint8Array): void {
    if (this.isOpen) this.ws.send(bytes, { binary: true })
  }

  /** Waits for everything sent to have left this process. */
  async drained(): Promise<void> {
    while (this.isOpen && this.ws.bufferedAmount > 0) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  close(): void {
    if (this.ws.readyState === WebSocket.CLOSED) return
    this.ws.terminate()
  }
}
