/**
 * Who reads in the benchmark's browser: set in localStorage before the app loads, so the app
 * opens the documents the benchmark filled. Key and shape are app/state/identity.ts's.
 */
export const IDENTITY_STORAGE_KEY = 'hamish.identity.v1'

export const BENCH_READER = { userId: 'bench-reader', name: 'Bench Reader' } as const

export function identityStorageEntry(): Record<string, string> {
  return { [IDENTITY_STORAGE_KEY]: JSON.stringify(BENCH_READER) }
}
