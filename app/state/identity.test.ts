import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
})

/** The module afresh, as a new window loads it. */
async function freshIdentity() {
  return (await import('./identity')).deviceIdentity
}

function storage(initial: Record<string, string> = {}, failing = false) {
  const items = new Map(Object.entries(initial))
  const fail = () => {
    throw new DOMException('storage is disabled', 'SecurityError')
  }
  return {
    items,
    getItem: vi.fn((key: string) => (failing ? fail() : (items.get(key) ?? null))),
    setItem: vi.fn((key: string, value: string) => (failing ? fail() : items.set(key, value))),
  }
}

describe('deviceIdentity', () => {
  it('reads the stored identity once, and gives it to every caller in the window', async () => {
    const stored = storage({
      'hamish.identity.v1': JSON.stringify({ userId: 'u-1', name: 'Hanan' }),
    })
    vi.stubGlobal('localStorage', stored)
    const deviceIdentity = await freshIdentity()

    const first = deviceIdentity('Reader')
    expect(first).toEqual({ userId: 'u-1', name: 'Hanan' })
    expect(deviceIdentity('قارئ')).toBe(first)
    expect(stored.getItem).toHaveBeenCalledOnce()
  })

  it('makes one identity, stores it and keeps it, when none is stored', async () => {
    const stored = storage()
    vi.stubGlobal('localStorage', stored)
    const deviceIdentity = await freshIdentity()

    const made = deviceIdentity('Reader')
    expect(made.name).toBe('Reader')
    expect(made.userId).toMatch(/^u-[0-9a-f]{16}$/)
    expect(JSON.parse(stored.items.get('hamish.identity.v1')!)).toEqual(made)
    expect(deviceIdentity('Reader')).toBe(made)
  })

  it('keeps one identity for the window where storage is disabled', async () => {
    vi.stubGlobal('localStorage', storage({}, true))
    const deviceIdentity = await freshIdentity()

    const made = deviceIdentity('Reader')
    expect(deviceIdentity('Reader').userId).toBe(made.userId)
  })
})
