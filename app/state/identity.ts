import { z } from 'zod'

/** Who is reading on this device: an id that names their documents, and a display name. */
export interface Identity {
  userId: string
  name: string
}

const STORAGE_KEY = 'hamish.identity.v1'
const StoredIdentity = z.object({
  userId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  name: z.string().max(200),
})

function newUserId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return `u-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}

/** Read once per window: it names the reader's documents, so it must not change under them. */
let windowIdentity: Identity | null = null

/**
 * The identity kept on this device, made on first use. Losing it would orphan the user's own
 * documents, so a damaged entry is replaced only when it cannot be read at all. The same for
 * every caller in a window: the startup reading opened before the first render and the reader
 * screen that claims it must name the same documents, storage or none.
 */
export function deviceIdentity(defaultName: string): Identity {
  windowIdentity ??= storedIdentity(defaultName)
  return windowIdentity
}

function storedIdentity(defaultName: string): Identity {
  try {
    const parsed = StoredIdentity.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'))
    if (parsed.success) return parsed.data
  } catch {
    // Unreadable JSON: fall through and make a new identity.
  }
  const identity = { userId: newUserId(), name: defaultName }
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(identity))
  } catch {
    // Storage disabled: this window still works, with an identity of its own.
  }
  return identity
}
