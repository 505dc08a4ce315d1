import { z } from 'zod'
import { AbsolutePathSchema } from '../../src/core/ipc/contract'

export const MAX_RECENT_ARTICLES = 10

/** The stored list. Entries past the cap or repeated are dropped on read rather than refused. */
export const RecentArticlesSchema = z.object({
  paths: z.array(AbsolutePathSchema).max(1000),
})
export type RecentArticlesFile = z.infer<typeof RecentArticlesSchema>

/** `path` first, without its earlier entry, at most `MAX_RECENT_ARTICLES` in all. */
export function withRecentArticle(paths: readonly string[], path: string): string[] {
  return [path, ...paths.filter((entry) => entry !== path)].slice(0, MAX_RECENT_ARTICLES)
}

export function withoutRecentArticle(paths: readonly string[], path: string): string[] {
  return paths.filter((entry) => entry !== path)
}

/** A stored list cleaned up: each path once, most recent first, capped. */
export function normalizedRecentArticles(paths: readonly string[]): string[] {
  return [...new Set(paths)].slice(0, MAX_RECENT_ARTICLES)
}

export interface RecentArticlesDeps {
  store: { read(): RecentArticlesFile | null; write(value: RecentArticlesFile): void }
  /** The operating system's own list (the Dock, the taskbar's jump list, GNOME's recent files). */
  system: { addRecentDocument(path: string): void; clearRecentDocuments(): void }
  /** Called with the new list after every change, to rebuild the menu. */
  onChange: (paths: readonly string[]) => void
}

/** File › Recent articles: most recent first, each file once, remembered across launches. */
export class RecentArticles {
  private list: readonly string[]

  constructor(private readonly deps: RecentArticlesDeps) {
    this.list = normalizedRecentArticles(deps.store.read()?.paths ?? [])
  }

  get paths(): readonly string[] {
    return this.list
  }

  has(path: string): boolean {
    return this.list.includes(path)
  }

  add(path: string): void {
    this.deps.system.addRecentDocument(path)
    this.update(withRecentArticle(this.list, path))
  }

  remove(path: string): void {
    if (this.has(path)) this.update(withoutRecentArticle(this.list, path))
  }

  clear(): void {
    this.deps.system.clearRecentDocuments()
    this.update([])
  }

  private update(paths: readonly string[]): void {
    this.list = paths
    this.deps.store.write({ paths: [...paths] })
    this.deps.onChange(paths)
  }
}
