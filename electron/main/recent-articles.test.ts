import { describe, expect, it } from 'vitest'
import {
  MAX_RECENT_ARTICLES,
  RecentArticles,
  RecentArticlesSchema,
  normalizedRecentArticles,
  withRecentArticle,
  withoutRecentArticle,
} from './recent-articles'
import type { RecentArticlesFile } from './recent-articles'

const paths = (count: number) => Array.from({ length: count }, (_, i) => `/home/r/paper-${i}.md`)

function recentArticles(stored: RecentArticlesFile | null = null) {
  const log = { written: [] as string[][], system: [] as string[], changes: [] as string[][] }
  const recent = new RecentArticles({
    store: {
      read: () => stored,
      write: (value) => void log.written.push(value.paths),
    },
    system: {
      addRecentDocument: (path) => void log.system.push(`add ${path}`),
      clearRecentDocuments: () => void log.system.push('clear'),
    },
    onChange: (list) => void log.changes.push([...list]),
  })
  return { recent, log }
}

describe('recent article lists', () => {
  it('put the newest first, each path once, at most ten', () => {
    expect(withRecentArticle(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c'])
    expect(withRecentArticle(paths(MAX_RECENT_ARTICLES), '/new')).toEqual([
      '/new',
      ...paths(MAX_RECENT_ARTICLES - 1),
    ])
    expect(withoutRecentArticle(['/a', '/b'], '/a')).toEqual(['/b'])
    expect(normalizedRecentArticles(['/a', '/b', '/a', ...paths(12)])).toHaveLength(10)
    expect(normalizedRecentArticles(['/a', '/b', '/a'])).toEqual(['/a', '/b'])
  })

  it('refuse a stored list that is not a list of full paths', () => {
    expect(RecentArticlesSchema.safeParse({ paths: ['/a.md', 'C:\\a.md'] }).success).toBe(true)
    for (const bad of [{ paths: ['relative.md'] }, { paths: '/a.md' }, { paths: [1] }, []]) {
      expect(RecentArticlesSchema.safeParse(bad).success).toBe(false)
    }
  })
})

describe('RecentArticles', () => {
  it('starts from the stored list, cleaned up', () => {
    const { recent } = recentArticles({ paths: ['/a.md', '/a.md', ...paths(11)] })
    expect(recent.paths).toEqual(['/a.md', ...paths(9)])
    expect(recentArticles(null).recent.paths).toEqual([])
  })

  it('remembers an opened article, tells the system and the menu, and saves', () => {
    const { recent, log } = recentArticles({ paths: ['/a.md', '/b.md'] })
    recent.add('/b.md')
    expect(recent.paths).toEqual(['/b.md', '/a.md'])
    expect(recent.has('/a.md')).toBe(true)
    expect(log.system).toEqual(['add /b.md'])
    expect(log.written).toEqual([['/b.md', '/a.md']])
    expect(log.changes).toEqual([['/b.md', '/a.md']])
  })

  it('forgets one article or all of them', () => {
    const { recent, log } = recentArticles({ paths: ['/a.md', '/b.md'] })
    recent.remove('/a.md')
    recent.remove('/not-there.md')
    expect(recent.paths).toEqual(['/b.md'])
    recent.clear()
    expect(recent.paths).toEqual([])
    expect(log.system).toEqual(['clear'])
    expect(log.written).toEqual([['/b.md'], []])
  })
})
