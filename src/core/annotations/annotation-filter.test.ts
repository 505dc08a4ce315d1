import { describe, expect, it } from 'vitest'
import type { Annotation } from './annotation'
import { annotationMatches, countByFacet, filterAnnotations } from './annotation-filter'
import { groupThreads } from './annotation-threads'
import { anchorOn } from './annotation-test-support'

let clock = 0
function make(fields: Partial<Annotation> & { id: string }): Annotation {
  clock += 1
  const createdAt = `2026-11-28T14:00:${String(clock).padStart(2, '0')}.000Z`
  const isReply = fields.replyTo !== undefined
  return {
    kind: isReply ? 'reply' : 'comment',
    author: 'hanan',
    authorName: 'Hanan',
    color: 'yellow',
    body: '',
    tags: [],
    visibility: 'class',
    createdAt,
    updatedAt: createdAt,
    ...(isReply ? {} : { anchor: anchorOn('نص') }),
    ...fields,
  }
}

const security = make({
  id: 'security',
  body: 'تعريف الأمن الوطني',
  tags: ['definition'],
  anchor: anchorOn('الأمن الوطني العراقي'),
})
const diplomacy = make({
  id: 'diplomacy',
  author: 'intisar',
  authorName: 'Intisar',
  color: 'green',
  body: 'الدبلوماسيّة الدفاعيّة عند الكاتب',
  tags: ['question', 'important'],
  resolved: true,
  anchor: anchorOn('الـدفاع'),
})
const highlight = make({
  id: 'highlight',
  kind: 'highlight',
  color: 'pink',
  anchor: anchorOn('مسئولية الدولة'),
})
const reply = make({
  id: 'reply',
  replyTo: 'diplomacy',
  // Older versions gave a reply the default colour, not its thread's (green).
  color: 'yellow',
  body: 'I disagree',
  tags: ['disagree'],
})
const all = [security, diplomacy, highlight, reply]
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id)

describe('filterAnnotations on annotations', () => {
  it('returns everything for an empty filter', () => {
    expect(filterAnnotations(all, {})).toEqual(all)
  })

  it('filters by each facet, any selected value within a facet', () => {
    expect(ids(filterAnnotations(all, { authors: ['intisar'] }))).toEqual(['diplomacy'])
    expect(ids(filterAnnotations(all, { colors: ['pink', 'green'] }))).toEqual([
      'diplomacy',
      'highlight',
      'reply',
    ])
    expect(ids(filterAnnotations(all, { tags: ['#Question', 'disagree'] }))).toEqual([
      'diplomacy',
      'reply',
    ])
    expect(ids(filterAnnotations(all, { kinds: ['highlight', 'reply'] }))).toEqual([
      'highlight',
      'reply',
    ])
  })

  it('treats a reply as in its thread’s colour, whatever colour it stores', () => {
    expect(ids(filterAnnotations(all, { colors: ['green'] }))).toEqual(['diplomacy', 'reply'])
    expect(ids(filterAnnotations(all, { colors: ['yellow'] }))).toEqual(['security'])
    // A reply whose thread is missing has only its own colour to go by.
    expect(ids(filterAnnotations([reply], { colors: ['yellow'] }))).toEqual(['reply'])
  })

  it('treats a reply as resolved or open as its thread is', () => {
    expect(ids(filterAnnotations(all, { resolved: 'resolved' }))).toEqual(['diplomacy', 'reply'])
    expect(ids(filterAnnotations(all, { resolved: 'open' }))).toEqual(['security', 'highlight'])
    expect(filterAnnotations(all, { resolved: 'all' })).toEqual(all)
  })

  it('requires every facet to hold', () => {
    expect(ids(filterAnnotations(all, { authors: ['hanan'], tags: ['disagree'] }))).toEqual([
      'reply',
    ])
    expect(filterAnnotations(all, { authors: ['intisar'], kinds: ['reply'] })).toEqual([])
  })
})

describe('searching text', () => {
  const search = (text: string) => ids(filterAnnotations(all, { text }))

  it('finds «الأمن» when typed without hamza', () => {
    expect(search('الامن')).toEqual(['security'])
  })

  it('finds a word with shadda when typed without it, and ta marbuta typed as ha', () => {
    expect(search('الدبلوماسية')).toEqual(['diplomacy'])
    expect(search('الدبلوماسيه')).toEqual(['diplomacy'])
  })

  it('finds a quoted word written with tatweel', () => {
    expect(search('الدفاع')).toEqual(['diplomacy', 'reply'])
  })

  it('finds «مسئولية» in a quote by the spelling «مسؤولية»', () => {
    expect(search('مسؤولية')).toEqual(['highlight'])
  })

  it('searches tags, author names and the quoted passage, case-insensitively', () => {
    expect(search('#definition')).toEqual(['security'])
    expect(search('IMPORTANT')).toEqual(['diplomacy'])
    expect(search('intisar')).toEqual(['diplomacy'])
    expect(search('العراقي')).toEqual(['security'])
  })

  it('requires every word, each in any field', () => {
    expect(search('hanan disagree')).toEqual(['reply'])
    expect(search('hanan الدفاع')).toEqual(['reply'])
    expect(search('hanan nothing-like-this')).toEqual([])
  })

  it('ignores an empty or blank query', () => {
    expect(search('  ')).toEqual(ids(all))
  })
})

describe('filterAnnotations on threads', () => {
  const { threads } = groupThreads(all)

  it('keeps a thread whole when its root or one reply matches', () => {
    const matched = filterAnnotations(threads, { tags: ['disagree'] })
    expect(matched).toHaveLength(1)
    expect(matched[0]?.root.id).toBe('diplomacy')
    expect(ids(matched[0]?.replies ?? [])).toEqual(['reply'])
  })

  it('needs one annotation to meet every condition, not the thread as a whole', () => {
    expect(filterAnnotations(threads, { authors: ['intisar'], tags: ['disagree'] })).toEqual([])
  })

  it('counts and lists a thread under its root’s colour only, not its replies’ stored ones', () => {
    expect(countByFacet(threads, {}).colors).toEqual({
      yellow: 1,
      green: 1,
      blue: 0,
      pink: 1,
      purple: 0,
    })
    expect(filterAnnotations(threads, { colors: ['yellow'] }).map((t) => t.root.id)).toEqual([
      'security',
    ])
  })
})

describe('annotationMatches', () => {
  it('judges one annotation, with its thread’s root for context', () => {
    expect(annotationMatches(reply, { resolved: 'resolved' }, diplomacy)).toBe(true)
    expect(annotationMatches(reply, { resolved: 'resolved' })).toBe(false)
    expect(annotationMatches(security, { text: 'الوطنى' })).toBe(true)
  })
})

describe('countByFacet', () => {
  it('counts every value when nothing is selected', () => {
    const counts = countByFacet(all, {})
    expect(counts.authors).toEqual([
      { author: 'hanan', authorName: 'Hanan', count: 3 },
      { author: 'intisar', authorName: 'Intisar', count: 1 },
    ])
    expect(counts.colors).toEqual({ yellow: 1, green: 2, blue: 0, pink: 1, purple: 0 })
    expect(counts.kinds).toEqual({ highlight: 1, comment: 2, reply: 1 })
    expect(counts.resolved).toEqual({ open: 2, resolved: 2, all: 4 })
    expect(counts.tags).toEqual([
      { tag: 'definition', count: 1 },
      { tag: 'disagree', count: 1 },
      { tag: 'important', count: 1 },
      { tag: 'question', count: 1 },
    ])
  })

  it('counts each facet under the other facets’ selections, not its own', () => {
    const counts = countByFacet(all, { authors: ['hanan'], resolved: 'open' })
    // Authors ignore the author selection but respect 'open': Intisar has no open annotation.
    expect(counts.authors).toEqual([{ author: 'hanan', authorName: 'Hanan', count: 2 }])
    // Resolved ignores 'open' but respects the author.
    expect(counts.resolved).toEqual({ open: 2, resolved: 1, all: 3 })
    // Everything else respects both.
    expect(counts.colors).toEqual({ yellow: 1, green: 0, blue: 0, pink: 1, purple: 0 })
    expect(counts.kinds).toEqual({ highlight: 1, comment: 1, reply: 0 })
    expect(counts.tags).toEqual([{ tag: 'definition', count: 1 }])
  })

  it('matches what filtering with that value selected would return', () => {
    const filter = { text: 'الدفاع', kinds: ['comment' as const] }
    const counts = countByFacet(all, filter)
    for (const { author, count } of countByFacet(all, { text: 'الدفاع' }).authors) {
      const expected = filterAnnotations(all, { ...filter, authors: [author] }).length
      expect(counts.authors.find((entry) => entry.author === author)?.count ?? 0).toBe(expected)
      expect(count).toBeGreaterThan(0)
    }
    expect(counts.kinds.reply).toBe(filterAnnotations(all, { ...filter, kinds: ['reply'] }).length)
  })

  it('lists a selected author under their name even when nothing of theirs matches', () => {
    expect(countByFacet(all, { authors: ['intisar'], text: 'العراقي' }).authors).toEqual([
      { author: 'hanan', authorName: 'Hanan', count: 1 },
      { author: 'intisar', authorName: 'Intisar', count: 0 },
    ])
  })

  it('lists a selected tag even when nothing carries it', () => {
    expect(countByFacet(all, { tags: ['#Missing'] }).tags).toContainEqual({
      tag: 'missing',
      count: 0,
    })
  })

  it('counts threads, each once per value', () => {
    const { threads } = groupThreads(all)
    const counts = countByFacet(threads, {})
    expect(counts.authors).toEqual([
      { author: 'hanan', authorName: 'Hanan', count: 3 },
      { author: 'intisar', authorName: 'Intisar', count: 1 },
    ])
    expect(counts.kinds).toEqual({ highlight: 1, comment: 2, reply: 1 })
    expect(counts.resolved).toEqual({ open: 2, resolved: 1, all: 3 })
  })
})
