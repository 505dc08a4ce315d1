import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

/**
 * SHA-256 of a text, hex. Pure JS rather than `crypto.subtle`, which a browser withholds from
 * pages served over plain http on a LAN address (a seminar joined by link).
 */
export function contentHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)))
}
