import { describe, expect, it } from 'vitest'
import {
  annotationIdFromIri,
  annotationIri,
  articleUrn,
  userIdFromIri,
  userIri,
} from './annotation-iri'

describe('annotation IRIs', () => {
  it('names a UUID as urn:uuid and any other id under urn:hamish, and reads both back', () => {
    const uuid = '6F1C2D3E-4A5B-4C6D-8E9F-A0B1C2D3E4F5'
    expect(annotationIri(uuid)).toBe('urn:uuid:6f1c2d3e-4a5b-4c6d-8e9f-a0b1c2d3e4f5')
    expect(annotationIdFromIri(annotationIri(uuid))).toBe(uuid.toLowerCase())
    for (const id of ['c-1', 'a/b c', 'حنان:1', '%41']) {
      expect(annotationIri(id)).toMatch(/^urn:hamish:annotation:[^\s/]+$/u)
      expect(annotationIdFromIri(annotationIri(id))).toBe(id)
    }
  })

  it('puts ids under a base IRI when given one', () => {
    const base = 'https://example.org/notes/'
    expect(annotationIri('a b', base)).toBe('https://example.org/notes/a%20b')
    expect(annotationIdFromIri('https://example.org/notes/a%20b', base)).toBe('a b')
  })

  it('keeps another tool’s IRI as the id', () => {
    expect(annotationIdFromIri('https://hypothes.is/a/Zk3vQtR8Ee')).toBe(
      'https://hypothes.is/a/Zk3vQtR8Ee',
    )
    expect(annotationIdFromIri('urn:uuid:not-a-uuid')).toBe('urn:uuid:not-a-uuid')
  })

  it('names users and articles', () => {
    expect(userIri('hanan')).toBe('urn:hamish:user:hanan')
    expect(userIdFromIri('urn:hamish:user:hanan')).toBe('hanan')
    expect(userIdFromIri('acct:hanan@hypothes.is')).toBe('acct:hanan@hypothes.is')
    expect(articleUrn('ab12')).toBe('urn:hamish:article:ab12')
  })
})
