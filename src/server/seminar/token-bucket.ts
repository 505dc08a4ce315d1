/**
 * A token bucket: up to `capacity` at once, refilled at `refillPerSecond`. Used as a budget:
 * for wrong join codes per address, and for messages per sync connection.
 */
export class TokenBucket {
  private tokens: number
  private updatedAt: number

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.tokens = capacity
    this.updatedAt = clock()
  }

  /** Whether a token is there now (without taking it). */
  hasToken(): boolean {
    this.refill()
    return this.tokens >= 1
  }

  /** Takes a token if one is there. */
  take(): boolean {
    this.refill()
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Whole seconds until a token is there again (0 when one is). */
  secondsUntilToken(): number {
    this.refill()
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.refillPerSecond)
  }

  isFull(): boolean {
    this.refill()
    return this.tokens >= this.capacity
  }

  private refill(): void {
    const now = this.clock()
    const elapsed = Math.max(0, now - this.updatedAt) / 1000
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond)
    this.updatedAt = now
  }
}

/** One bucket per key (a client address), forgetting full ones when there are too many keys. */
export class KeyedTokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>()

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly clock: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  bucket(key: string): TokenBucket {
    let bucket = this.buckets.get(key)
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.forget()
      bucket = new TokenBucket(this.capacity, this.refillPerSecond, this.clock)
      this.buckets.set(key, bucket)
    }
    return bucket
  }

  get size(): number {
    return this.buckets.size
  }

  /** Full buckets say nothing a new one would not; past that, the oldest keys go first. */
  private forget(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key)
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break
      this.buckets.delete(key)
    }
  }
}
