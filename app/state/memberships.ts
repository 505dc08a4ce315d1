import { useSyncExternalStore } from 'react'
import { z } from 'zod'
import { membershipKey, SeminarMembership } from '../../src/core/seminar/membership'

/**
 * The seminars this device has joined, and where the reader was last (a seminar, or reading
 * alone), kept in localStorage so a reload — online or not — comes back to the same place.
 */
const MEMBERSHIPS_KEY = 'hamish.seminars.v1'
const PLACE_KEY = 'hamish.place.v1'

export type Place = { kind: 'local' } | { kind: 'seminar'; key: string }

const StoredMemberships = z.array(z.unknown())

function readMemberships(): SeminarMembership[] {
  try {
    const raw = StoredMemberships.safeParse(
      JSON.parse(localStorage.getItem(MEMBERSHIPS_KEY) ?? '[]'),
    )
    if (!raw.success) return []
    // One damaged entry must not lose the others.
    return raw.data.flatMap((entry) => {
      const parsed = SeminarMembership.safeParse(entry)
      return parsed.success ? [parsed.data] : []
    })
  } catch {
    return []
  }
}

function readPlace(): Place {
  const key = localStorage.getItem(PLACE_KEY)
  if (key && readMemberships().some((m) => membershipKey(m) === key))
    return { kind: 'seminar', key }
  return { kind: 'local' }
}

interface Snapshot {
  memberships: readonly SeminarMembership[]
  place: Place
}

let snapshot: Snapshot | null = null
const listeners = new Set<() => void>()

function current(): Snapshot {
  snapshot ??= { memberships: readMemberships(), place: readPlace() }
  return snapshot
}

function publish(next: Snapshot): void {
  try {
    localStorage.setItem(MEMBERSHIPS_KEY, JSON.stringify(next.memberships))
    if (next.place.kind === 'seminar') localStorage.setItem(PLACE_KEY, next.place.key)
    else localStorage.removeItem(PLACE_KEY)
  } catch {
    // Storage full or disabled: this window keeps the seminar; a reload will not.
  }
  snapshot = next
  for (const listener of listeners) listener()
}

/** Remembers a membership (replacing an older one for the same seminar) and goes there. */
export function enterSeminar(membership: SeminarMembership): void {
  const key = membershipKey(membership)
  const others = current().memberships.filter((m) => membershipKey(m) !== key)
  publish({ memberships: [membership, ...others], place: { kind: 'seminar', key } })
}

export function goTo(place: Place): void {
  publish({ ...current(), place })
}

/** Forgets a seminar on this device (its documents stay in IndexedDB until the browser clears them). */
export function leaveSeminar(key: string): void {
  const { memberships, place } = current()
  publish({
    memberships: memberships.filter((m) => membershipKey(m) !== key),
    place: place.kind === 'seminar' && place.key === key ? { kind: 'local' } : place,
  })
}

export function rememberTitle(key: string, title: string): void {
  const { memberships, place } = current()
  const found = memberships.find((m) => membershipKey(m) === key)
  if (!found || found.title === title) return
  publish({
    memberships: memberships.map((m) => (m === found ? { ...m, title } : m)),
    place,
  })
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Where this window starts, or is now: for what runs before React does. */
export function currentPlace(): Place {
  return current().place
}

export function useMemberships(): Snapshot {
  return useSyncExternalStore(subscribe, current)
}

export function membershipAt(place: Place, memberships: readonly SeminarMembership[]) {
  if (place.kind !== 'seminar') return null
  return memberships.find((m) => membershipKey(m) === place.key) ?? null
}
