import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'

/**
 * Hocuspocus wire messages, built byte by byte so that tests can also build the ones no client
 * would send: `[varString document][varUint type]…` with the types of @hocuspocus/common.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
  syncStatus: 8,
} as const

/** y-protocols' sync sub-types. */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const

/** lib0's unsigned LEB128, for any whole number up to 2^53 (and so past what it accepts). */
export function varUint(value: number): number[] {
  const bytes: number[] = []
  let rest = value
  while (rest > 0x7f) {
    bytes.push(0x80 | (rest % 0x80))
    rest = Math.floor(rest / 0x80)
  }
  bytes.push(rest)
  return bytes
}

type Bytes = Uint8Array | number[]

/** Joins byte runs without spreading them through a JS array (some are megabytes). */
export function concat(...parts: Bytes[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

export function varString(text: string): Uint8Array {
  const utf8 = new TextEncoder().encode(text)
  return concat(varUint(utf8.length), utf8)
}

export function varBytes(bytes: Bytes): Uint8Array {
  return concat(varUint(bytes.length), bytes)
}

export function message(document: string, ...parts: Bytes[]): Uint8Array {
  return concat(varString(document), ...parts)
}

export function authMessage(document: string, token: string): Uint8Array {
  return message(document, [MessageType.auth, 0], varString(token))
}

export function syncMessage(document: string, type: number, payload: Bytes): Uint8Array {
  return message(document, [MessageType.sync, type], varBytes(payload))
}

/**
 * What real clients send, as material for mutation: the updates of an editing session (text,
 * map, array and XML), a whole state, a state vector and an awareness update.
 */
export function realMessages(document: string): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  doc.getText('notes').insert(0, 'الدبلوماسية الدفاعية ')
  doc.getText('notes').insert(5, 'defence ', { bold: true })
  doc.getText('notes').delete(2, 3)
  doc.getMap('annotations').set('a1', { body: 'تعليق', tags: ['x'], at: 3 })
  doc.getArray('edits').push(['one', 2, { three: [3] }])
  const fragment = doc.getXmlFragment('content')
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('نص')])
  fragment.insert(0, [paragraph])
  doc.getMap('annotations').delete('a1')
  const awareness = new Awareness(doc)
  awareness.setLocalState({ user: { name: 'Fuzz' }, cursor: { at: 1 } })
  return [
    ...updates.map((update) => syncMessage(document, SyncType.update, update)),
    syncMessage(document, SyncType.step2, Y.encodeStateAsUpdate(doc)),
    syncMessage(document, SyncType.step1, Y.encodeStateVector(doc)),
    message(
      document,
      [MessageType.awareness],
      varBytes(encodeAwarenessUpdate(awareness, [doc.clientID])),
    ),
    message(document, [MessageType.queryAwareness]),
  ]
}

/** A Yjs update of one item whose left neighbour no one has: Yjs keeps it pending. */
export function pendingItemUpdate(client: number, clock: number, text: string): Uint8Array {
  return concat(
    [1, 1], // one client, one struct
    varUint(client),
    varUint(clock),
    [0b1000_0100], // an item of string content, with an origin (left neighbour)
    varUint(client + 1),
    varUint(clock), // the origin: an id the server never saw
    varString(text),
    [0], // an empty delete set
  )
}
