import type { StoredDatabase } from '../pages/page-api'

/** A y-indexeddb database to lay into the page, its updates carried as base64. */
export function storedDatabase(
  name: string,
  updates: readonly Uint8Array[],
  custom?: Readonly<Record<string, unknown>>,
): StoredDatabase {
  return {
    name,
    updates: updates.map((update) => Buffer.from(update).toString('base64')),
    ...(custom && { custom }),
  }
}
