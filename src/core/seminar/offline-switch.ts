/**
 * What the switch needs of a sync socket: `HocuspocusProviderWebsocket` has this shape. It is
 * described here rather than imported so that the client and the server's tests share one switch.
 */
export interface SwitchableSocket {
  /** "connecting", "connected" or "disconnected". */
  readonly status: string
  connect(): unknown
  disconnect(): void
  // The provider's emitter takes any function.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  on(event: string, listener: Function): unknown
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  off(event: string, listener?: Function): unknown
}

const DISCONNECTED = 'disconnected'

/**
 * Takes a sync socket offline and back online, around two behaviours of the provider's socket:
 * - `disconnect()` does not hold after the server has closed the socket: the provider has by then
 *   set a timer to reconnect, and the `connect()` it calls switches reconnecting back on. So
 *   while offline, every attempt the socket starts is closed at once.
 * - `connect()` while the socket is still closing does nothing (its status still reads
 *   "connected"), and nothing reconnects it afterwards. So going online waits for the close.
 */
export class OfflineSwitch {
  private online = true
  private connectOnClose = false

  constructor(private readonly socket: SwitchableSocket) {
    socket.on('status', this.onStatus)
  }

  get isOnline(): boolean {
    return this.online
  }

  goOffline(): void {
    this.online = false
    this.connectOnClose = false
    this.socket.disconnect()
  }

  /**
   * Connects at once when the socket is down, rather than after whatever back-off the provider
   * was waiting out: the network is back.
   */
  goOnline(): void {
    const wasOnline = this.online
    this.online = true
    if (this.socket.status === DISCONNECTED) void this.socket.connect()
    else if (!wasOnline) this.connectOnClose = true
  }

  dispose(): void {
    this.socket.off('status', this.onStatus)
  }

  private readonly onStatus = ({ status }: { status: string }) => {
    if (!this.online) {
      if (status !== DISCONNECTED) this.socket.disconnect()
      return
    }
    if (status === DISCONNECTED && this.connectOnClose) {
      this.connectOnClose = false
      void this.socket.connect()
    }
  }
}
