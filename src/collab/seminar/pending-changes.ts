/**
 * How many local changes of each document the server has not acknowledged, kept across reloads:
 * a student who annotated offline and reopens the app still sees that their work waits to sync.
 */
export interface PendingChanges {
  read(docName: string): number
  write(docName: string, count: number): void
}

/** The part of the Web Storage API used here. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const PREFIX = 'hamish.pending:'

export function pendingChangesIn(storage: KeyValueStorage): PendingChanges {
  return {
    read(docName) {
      const count = Number(storage.getItem(PREFIX + docName))
      return Number.isSafeInteger(count) && count > 0 ? count : 0
    },
    write(docName, count) {
      try {
        if (count > 0) storage.setItem(PREFIX + docName, String(count))
        else storage.removeItem(PREFIX + docName)
      } catch {
        // A full or disabled storage only loses the count shown, never the changes themselves.
      }
    },
  }
}

/** For Node tests and where no storage is available. */
export function pendingChangesInMemory(): PendingChanges {
  const counts = new Map<string, number>()
  return {
    read: (docName) => counts.get(docName) ?? 0,
    write: (docName, count) => void counts.set(docName, count),
  }
}
