import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Annotation } from '../annotations/annotation'
import { anchorOn } from '../annotations/annotation-test-support'
import { mulberry32, randomInt } from '../seeded-random'
import { fastReader, REFUSED } from './fast-reader'

const comment = {
  id: 'a1',
  kind: 'comment',
  author: 'u1',
  authorName: 'سارة',
  color: 'green',
  body: 'لماذا **هنا**؟',
  tags: ['question'],
  resolved: false,
  visibility: 'class',
  createdAt: '2026-11-29T10:00:00.000Z',
  updatedAt: '2026-11-29T10:00:00.000Z',
  anchor: anchorOn('الدبلوماسية', 4),
}
const reply = { ...comment, id: 'r1', kind: 'reply', replyTo: 'a1', anchor: undefined }
const highlight = { ...comment, id: 'h1', kind: 'highlight', body: '', tags: [] }

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'yellow',
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  true,
  [],
  ['a'],
  [1],
  {},
  { exact: 'x', prefix: '', suffix: '' },
]

type Json = Record<string, unknown>

/** The value with one field somewhere inside it replaced, removed or added. */
function mutate(value: Json, random: () => number): Json {
  const copy = structuredClone(value)
  let target: Json = copy
  for (;;) {
    const keys = Object.keys(target)
    const key = keys[randomInt(random, 0, keys.length - 1)]!
    const inner = target[key]
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner) && random() < 0.6) {
      target = inner as Json
      continue
    }
    const roll = random()
    if (roll < 0.2) delete target[key]
    else if (roll < 0.3) target[`extra${randomInt(random, 0, 9)}`] = 'kept out'
    else if (roll < 0.4 && Array.isArray(inner)) inner.push(ODD_VALUES[randomInt(random, 0, 16)])
    else target[key] = ODD_VALUES[randomInt(random, 0, ODD_VALUES.length - 1)]
    return copy
  }
}

describe('fastReader', () => {
  const read = fastReader(Annotation)

  it('reads a valid annotation of each kind exactly as zod does', () => {
    for (const value of [comment, reply, highlight]) {
      expect(read(value)).toStrictEqual(Annotation.parse(value))
    }
  })

  it('agrees with zod on 20,000 randomly damaged annotations (fixed seed)', () => {
    const random = mulberry32(0x5eed)
    let refused = 0
    for (let i = 0; i < 20_000; i++) {
      let value = [comment, reply, highlight][i % 3] as Json
      for (let n = randomInt(random, 1, 3); n > 0; n--) value = mutate(value, random)
      const expected = Annotation.safeParse(value)
      const got = read(value)
      if (!expected.success) {
        refused++
        expect(got, JSON.stringify(value)).toBe(REFUSED)
      } else {
        expect(got, JSON.stringify(value)).toStrictEqual(expected.data)
      }
    }
    // Both outcomes are exercised in earnest.
    expect(refused).toBeGreaterThan(5_000)
    expect(refused).toBeLessThan(19_000)
  })

  it('strips unknown keys as zod does, and keeps an optional key given as undefined', () => {
    const schema = z.object({ a: z.string(), b: z.boolean().optional() })
    const reader = fastReader(schema)
    expect(reader({ a: 'x', z: 1 })).toStrictEqual({ a: 'x' })
    expect(reader({ a: 'x', b: undefined })).toStrictEqual(schema.parse({ a: 'x', b: undefined }))
    expect(reader({ b: true })).toBe(REFUSED)
  })

  it('gives back the value itself where zod would give an equal copy, and copies otherwise', () => {
    const value = structuredClone(comment)
    expect(read(value)).toBe(value)
    const withExtra = { ...structuredClone(comment), anchor: { ...comment.anchor, later: 1 } }
    const read2 = read(withExtra) as Json
    expect(read2).not.toBe(withExtra)
    expect(read2).toStrictEqual(Annotation.parse(withExtra))
    // Only what held the unknown key is copied.
    expect(read2['tags']).toBe(withExtra.tags)
    const tags = fastReader(z.array(z.object({ a: z.string() })))
    const list = [{ a: 'x' }, { a: 'y' }]
    expect(tags(list)).toBe(list)
    const listWithExtra = [{ a: 'x' }, { a: 'y', b: 2 }]
    expect(tags(listWithExtra)).toStrictEqual([{ a: 'x' }, { a: 'y' }])
    expect((tags(listWithExtra) as unknown[])[0]).toBe(listWithExtra[0])
  })

  it('reads each part of a value once, even where it must copy', () => {
    const reader = fastReader(
      z.object({ a: z.object({ b: z.array(z.object({ c: z.string() })) }) }),
    )
    let gets = 0
    const counted = {
      get c() {
        gets++
        return 'x'
      },
    }
    // The unknown key makes `a` a copy, and so the value around it: neither reads `b` again.
    const value = { a: { b: [{ c: 'w' }, counted], later: 1 } }
    expect(reader(value)).toStrictEqual({ a: { b: [{ c: 'w' }, counted] } })
    expect(gets).toBe(1)
  })

  it('refuses what zod refuses of a plain number: NaN and the infinities', () => {
    const reader = fastReader(z.number())
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1']) {
      expect(z.number().safeParse(value).success).toBe(false)
      expect(reader(value)).toBe(REFUSED)
    }
    expect(reader(-0.5)).toBe(-0.5)
  })

  it('refuses to be built from a schema kind or check it does not know', () => {
    expect(() => fastReader(z.string().email())).toThrow(/string check/)
    expect(() => fastReader(z.number().max(3))).toThrow(/number check/)
    expect(() => fastReader(z.array(z.string()).min(1))).toThrow(/array check/)
    expect(() => fastReader(z.object({ a: z.string() }).catchall(z.string()))).toThrow(/catchall/)
    expect(() => fastReader(z.object({ a: z.date() }))).toThrow(/kind date/)
    expect(() => fastReader(z.string().refine(() => true))).toThrow(/string check/)
    expect(() => fastReader(z.coerce.number())).toThrow(/coercing/)
  })
})
