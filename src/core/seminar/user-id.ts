import { parseDocName } from './doc-names'

/**
 * Whether a value may be a member's user id: exactly what a user document name accepts, asked
 * of `parseDocName` so that the rule lives in one place.
 */
export function isUserId(value: string): boolean {
  return parseDocName(`seminar:s:user:${value}:class`) !== null
}
