/*
 * The IRIs a W3C export names things by. Hamish ids have no web address of their own, so they
 * become URNs: a UUID as `urn:uuid:` (RFC 4122), anything else under `urn:hamish:`. A caller
 * that publishes annotations somewhere may give a base IRI instead.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu
const UUID_URN = 'urn:uuid:'
const ANNOTATION_URN = 'urn:hamish:annotation:'
const USER_URN = 'urn:hamish:user:'
const ARTICLE_URN = 'urn:hamish:article:'

export function annotationIri(id: string, baseId?: string): string {
  if (baseId !== undefined) return baseId + encodeURIComponent(id)
  return UUID.test(id) ? UUID_URN + id.toLowerCase() : ANNOTATION_URN + encodeURIComponent(id)
}

/**
 * The id an annotation IRI stands for: the inverse of `annotationIri`. Any other IRI (another
 * tool's annotation) is its own id, so replies to it still find it.
 */
export function annotationIdFromIri(iri: string, baseId?: string): string {
  if (baseId !== undefined && iri.startsWith(baseId) && iri.length > baseId.length) {
    return safeDecode(iri.slice(baseId.length))
  }
  if (iri.toLowerCase().startsWith(UUID_URN)) {
    const uuid = iri.slice(UUID_URN.length)
    if (UUID.test(uuid)) return uuid.toLowerCase()
  }
  if (iri.startsWith(ANNOTATION_URN) && iri.length > ANNOTATION_URN.length) {
    return safeDecode(iri.slice(ANNOTATION_URN.length))
  }
  return iri
}

export function userIri(userId: string): string {
  return USER_URN + encodeURIComponent(userId)
}

/** The Hamish user id a creator IRI names, or the IRI itself for another tool's user. */
export function userIdFromIri(iri: string): string {
  return iri.startsWith(USER_URN) && iri.length > USER_URN.length
    ? safeDecode(iri.slice(USER_URN.length))
    : iri
}

/** An article with no address of its own is named by its content: its edition. */
export function articleUrn(articleHash: string): string {
  return ARTICLE_URN + articleHash
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
