import { describe, expect, it } from 'vitest'
import type { Visibility } from './annotation'
import { AnnotationCollection } from './annotation-collection'
import { AnnotationStore } from './annotation-store'
import { groupThreads } from './annotation-threads'
import {
  anchorOn,
  mulberry32,
  REMOTE,
  rewriteEntry,
  sequentialIds,
  steadyClock,
  userDocs,
} from './annotation-test-support'

const VISIBILITIES: Visibility[] = ['private', 'instructors', 'class']

function sourcesOf(store: AnnotationStore) {
  return VISIBILITIES.map((visibility) => ({
    doc: store.docs[visibility],
    owner: store.userId,
    visibility,
  }))
}

describe('the lists kept up to date change by change', () => {
  it('always equal the lists computed afresh, through random operations', () => {
    for (let seed = 1; seed <= 8; seed += 1) {
      const random = mulberry32(seed)
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
      const hanan = new AnnotationStore({
        userId: 'hanan',
        userName: 'Hanan',
        docs: userDocs(),
        now: steadyClock(),
        newId: sequentialIds('hanan'),
      })
      const intisar = new AnnotationStore({
        userId: 'intisar',
        userName: 'Intisar',
        docs: userDocs(),
        now: steadyClock(),
        newId: sequentialIds('intisar'),
      })
      const live = new AnnotationCollection([...sourcesOf(hanan), ...sourcesOf(intisar)])
      for (let step = 0; step < 150; step += 1) {
        const store = pick([hanan, intisar])
        const mine = store.list()
        const everyone = live.all()
        const target = mine.length > 0 ? pick(mine) : null
        const action = Math.floor(random() * 8)
        if (action === 0 || target === null) {
          store.createComment({
            anchor: anchorOn('نص', Math.floor(random() * 50)),
            body: `c${step}`,
            tags: [],
            visibility: pick(VISIBILITIES),
          })
        } else if (action === 1 && everyone.length > 0) {
          store.reply({ to: pick(everyone), body: `r${step}` })
        } else if (action <= 4) {
          store.edit(target.id, { body: `e${step}`, color: pick(['blue', 'green'] as const) })
        } else if (action === 5) {
          store.setVisibility(target.id, pick(VISIBILITIES))
        } else if (action === 6) {
          store.delete(target.id)
        } else {
          // Damage an entry, or repair it, as a faulty replica might.
          const color = random() < 0.5 ? 'red' : 'pink'
          rewriteEntry(store.docs[target.visibility], target.id, { color }, REMOTE)
        }
        const fresh = new AnnotationCollection([...sourcesOf(hanan), ...sourcesOf(intisar)])
        expect(live.all(), `seed ${seed} step ${step}`).toEqual(fresh.all())
        expect(live.invalid()).toEqual(fresh.invalid())
        expect(live.threads()).toEqual(groupThreads(fresh.all()))
        expect(store.list()).toEqual(fresh.all().filter((a) => a.author === store.userId))
        fresh.destroy()
      }
    }
  })

  it('keep unchanged annotations and threads as the same objects across an edit', () => {
    const store = new AnnotationStore({
      userId: 'hanan',
      userName: 'Hanan',
      docs: userDocs(),
      now: steadyClock(),
      newId: sequentialIds('hanan'),
    })
    const first = store.createComment({
      anchor: anchorOn('أ', 1),
      body: 'a',
      tags: [],
      visibility: 'class',
    })
    const second = store.createComment({
      anchor: anchorOn('ب', 2),
      body: 'b',
      tags: [],
      visibility: 'class',
    })
    store.reply({ to: second, body: 'r' })
    const collection = new AnnotationCollection(sourcesOf(store))
    const before = collection.threads()
    const listBefore = collection.all()
    store.edit(first.id, { body: 'a, edited' })
    const after = collection.threads()
    expect(after.threads[0]?.root.body).toBe('a, edited')
    expect(after.threads[1]).toBe(before.threads[1])
    expect(collection.all()[1]).toBe(listBefore[1])
    expect(collection.all()[2]).toBe(listBefore[2])
  })
})
