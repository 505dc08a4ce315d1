import { describe, expect, it } from 'vitest'
import { MAX_BODY_CHARS, MAX_TAG_CHARS, MAX_TAGS } from './annotation'
import {
  AnnotationInputError,
  normalizeBody,
  normalizeTag,
  normalizeTags,
} from './annotation-input'

function inputError(run: () => unknown): AnnotationInputError {
  try {
    run()
  } catch (error) {
    if (error instanceof AnnotationInputError) return error
    throw error
  }
  throw new Error('expected an AnnotationInputError')
}

describe('normalizeBody', () => {
  it('drops blank lines around the text but keeps the first line’s indentation', () => {
    expect(normalizeBody('\n\n  \n    code\nmore  \n\n', { allowEmpty: false })).toBe(
      '    code\nmore',
    )
  })

  it('refuses an empty or blank comment unless empty is allowed', () => {
    expect(inputError(() => normalizeBody(' \n\t ', { allowEmpty: false })).code).toBe(
      'empty-comment',
    )
    expect(normalizeBody(' \n', { allowEmpty: true })).toBe('')
  })

  it('accepts a body of exactly the limit and refuses one character more', () => {
    expect(normalizeBody('ب'.repeat(MAX_BODY_CHARS), { allowEmpty: false })).toHaveLength(
      MAX_BODY_CHARS,
    )
    const error = inputError(() =>
      normalizeBody('ب'.repeat(MAX_BODY_CHARS + 1), { allowEmpty: false }),
    )
    expect(error.code).toBe('body-too-long')
    expect(error.limit).toBe(MAX_BODY_CHARS)
  })
})

describe('normalizeTag', () => {
  it('strips #, trims, lower-cases Latin and keeps Arabic as typed', () => {
    expect(normalizeTag('  #Question ')).toBe('question')
    expect(normalizeTag('##Key   Idea')).toBe('key idea')
    expect(normalizeTag('#تعريفٌ')).toBe('تعريفٌ')
    expect(normalizeTag('# ')).toBe('')
  })
})

describe('normalizeTags', () => {
  it('dedupes after normalising, keeping first order, and drops empty tags', () => {
    expect(normalizeTags(['#Question', 'definition', 'question', '#', 'QUESTION', 'سؤال'])).toEqual(
      ['question', 'definition', 'سؤال'],
    )
  })

  it('treats composed and decomposed spellings as one tag', () => {
    expect(normalizeTags(['caf\u00E9', 'cafe\u0301'])).toEqual(['caf\u00E9'])
  })

  it('refuses more than MAX_TAGS distinct tags, counting after dedupe', () => {
    const many = Array.from({ length: MAX_TAGS }, (_, index) => `t${index}`)
    expect(normalizeTags([...many, '#T0'])).toHaveLength(MAX_TAGS)
    const error = inputError(() => normalizeTags([...many, 'one-more']))
    expect(error.code).toBe('too-many-tags')
    expect(error.limit).toBe(MAX_TAGS)
  })

  it('refuses a tag longer than MAX_TAG_CHARS characters', () => {
    expect(normalizeTags(['ع'.repeat(MAX_TAG_CHARS)])).toHaveLength(1)
    expect(inputError(() => normalizeTags(['ع'.repeat(MAX_TAG_CHARS + 1)])).code).toBe(
      'tag-too-long',
    )
  })
})
