import { describe, expect, it } from 'vitest'
import { KeyedTokenBuckets, TokenBucket } from './token-bucket'

describe('TokenBucket', () => {
  it('gives a burst, then refills at its rate', () => {
    let now = 0
    const bucket = new TokenBucket(3, 0.5, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ])
    expect(bucket.secondsUntilToken()).toBe(2)
    now += 1000
    expect(bucket.hasToken()).toBe(false)
    expect(bucket.secondsUntilToken()).toBe(1)
    now += 1000
    expect(bucket.take()).toBe(true)
    now += 60_000
    expect(bucket.isFull()).toBe(true)
  })
})

describe('KeyedTokenBuckets', () => {
  it('keeps one bucket per key', () => {
    const buckets = new KeyedTokenBuckets(1, 1, () => 0)
    expect(buckets.bucket('a').take()).toBe(true)
    expect(buckets.bucket('a').take()).toBe(false)
    expect(buckets.bucket('b').take()).toBe(true)
  })

  it('forgets full buckets first, then the oldest, when there are too many keys', () => {
    const buckets = new KeyedTokenBuckets(1, 1 / 3600, () => 0, 2)
    buckets.bucket('a').take()
    buckets.bucket('b')
    // Too many keys: 'b' is full, so it goes, and 'a' keeps its spent bucket.
    buckets.bucket('c').take()
    expect(buckets.size).toBe(2)
    expect(buckets.bucket('a').hasToken()).toBe(false)
    // None is full now: the oldest ('a') goes.
    buckets.bucket('d')
    expect(buckets.size).toBe(2)
    expect(buckets.bucket('c').hasToken()).toBe(false)
    expect(buckets.bucket('a').hasToken()).toBe(true)
  })
})
