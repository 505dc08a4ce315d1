import { WebSocket } from 'ws'

/**
 * The Hocuspocus protocol by hand, for attacks a well-behaved provider would never send: an
 * update for a document the socket never authenticated, a document name no provider would
 * build. Every message: varString document name, varUint message type, then its payload.
 */

const MESSAGE_SYNC = 0
const MESSAGE_AUTH = 2
const SYNC_STEP_1 = 0
const SYNC_UPDATE = 2
const AUTH_TOKEN = 0
const AUTH_PERMISSION_DENIED = 1
const AUTH_AUTHENTICATED = 2

class Encoder {
  private readonly bytes: number[] = []
  varUint(value: number): this {
    let rest = value
    while (rest > 0x7f) {
      this.bytes.push((rest & 0x7f) | 0x80)
      rest = Math.floor(rest / 128)
    }
    this.bytes.push(rest)
    return this
  }
  varBytes(bytes: Uint8Array): this {
    this.varUint(bytes.length)
    this.bytes.push(...bytes)
    return this
  }
  varString(text: string): this {
    return this.varBytes(new TextEncoder().encode(text))
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

class Decoder {
  private offset = 0
  constructor(private readonly bytes: Uint8Array) {}
  varUint(): number {
    let value = 0
    for (let shift = 1; this.offset < this.bytes.length; shift *= 128) {
      const byte = this.bytes[this.offset++] as number
      value += (byte & 0x7f) * shift
      if (byte < 0x80) return value
    }
    return -1
  }
  varString(): string {
    const length = this.varUint()
    const text = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length))
    this.offset += length
    return text
  }
}

export const wire = {
  auth: (name: string, token: string) =>
    new Encoder().varString(name).varUint(MESSAGE_AUTH).varUint(AUTH_TOKEN).varString(token).done(),
  update: (name: string, update: Uint8Array) =>
    new Encoder()
      .varString(name)
      .varUint(MESSAGE_SYNC)
      .varUint(SYNC_UPDATE)
      .varBytes(update)
      .done(),
  syncStep1: (name: string, stateVector: Uint8Array) =>
    new Encoder()
      .varString(name)
      .varUint(MESSAGE_SYNC)
      .varUint(SYNC_STEP_1)
      .varBytes(stateVector)
      .done(),
}

export interface ServerMessage {
  name: string
  type: number
  /** For auth messages: 'denied: <reason>' or 'authenticated: <scope>'. */
  auth?: string
}

/** A bare WebSocket on the sync endpoint that records what the server says. */
export class RawSyncSocket {
  readonly received: ServerMessage[] = []
  private readonly socket: WebSocket
  readonly closed: Promise<number>

  private constructor(socket: WebSocket) {
    this.socket = socket
    socket.on('message', (data: Buffer) => this.received.push(parse(new Uint8Array(data))))
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)))
    socket.on('error', () => {})
  }

  static open(syncUrl: string): Promise<RawSyncSocket> {
    const socket = new WebSocket(syncUrl)
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new RawSyncSocket(socket)))
      socket.once('error', reject)
    })
  }

  send(message: Uint8Array): void {
    this.socket.send(message)
  }

  /** The answers to one document's auth so far ('authenticated: …' or 'denied: …'). */
  authAnswers(name: string): string[] {
    return this.received.flatMap((m) => (m.name === name && m.auth ? [m.auth] : []))
  }

  /** Whether the server sent any document content (a sync message) for this name. */
  sentSyncFor(name: string): boolean {
    return this.received.some((m) => m.name === name && (m.type === MESSAGE_SYNC || m.type === 4))
  }

  close(): void {
    this.socket.terminate()
  }
}

function parse(bytes: Uint8Array): ServerMessage {
  const decoder = new Decoder(bytes)
  const name = decoder.varString()
  const type = decoder.varUint()
  if (type !== MESSAGE_AUTH) return { name, type }
  const authType = decoder.varUint()
  if (authType === AUTH_PERMISSION_DENIED)
    return { name, type, auth: `denied: ${decoder.varString()}` }
  if (authType === AUTH_AUTHENTICATED)
    return { name, type, auth: `authenticated: ${decoder.varString()}` }
  return { name, type }
}
