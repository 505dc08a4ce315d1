import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/** The part of `SubtleCrypto` hashing needs. */
export interface Digester {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>
}

/**
 * `contentHash`, the same hex SHA-256, computed by the platform's own crypto where it has it:
 * natively and off the page's thread, where the script version of the article's hash took
 * ~30 ms of the first start. A page served over plain http on a LAN address has no
 * `crypto.subtle`; there the script version is loaded and used.
 */
export async function contentHashAsync(
  text: string,
  subtle: Digester | null = globalThis.crypto?.subtle ?? null,
): Promise<string> {
  if (!subtle) {
    const { contentHash } = await import('./content-hash')
    return contentHash(text)
  }
  return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', utf8ToBytes(text))))
}
