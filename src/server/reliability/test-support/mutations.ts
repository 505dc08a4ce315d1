import { randomInt } from '../../../core/seeded-random'

/** Varints lib0 reads as the largest counts and lengths it accepts, and past them. */
const HUGE_VARINTS = [
  [0xff, 0xff, 0xff, 0xff, 0x0f], // 2^32 - 1
  [0xff, 0xff, 0xff, 0xff, 0x07], // 2^31 - 1
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f], // 2^53 - 1
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], // past 2^53
  [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], // overlong
]

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[randomInt(random, 0, items.length - 1)] as T
}

export function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => randomInt(random, 0, 255))
}

/**
 * One random change to `input`, of the kinds that find decoder bugs: bit flips, a byte set to
 * an edge value, a huge varint spliced in, a cut, a run duplicated or deleted.
 */
export function mutate(random: () => number, input: Uint8Array): Uint8Array {
  const bytes = [...input]
  const at = randomInt(random, 0, Math.max(0, bytes.length - 1))
  switch (randomInt(random, 0, 6)) {
    case 0:
      bytes[at] = (bytes[at] ?? 0) ^ (1 << randomInt(random, 0, 7))
      break
    case 1:
      bytes[at] = pick(random, [0, 1, 0x7f, 0x80, 0xff])
      break
    case 2:
      bytes.splice(at, randomInt(random, 0, 2), ...pick(random, HUGE_VARINTS))
      break
    case 3:
      bytes.length = at
      break
    case 4: {
      const run = bytes.slice(at, at + randomInt(random, 1, 16))
      bytes.splice(at, 0, ...Array.from({ length: randomInt(random, 1, 8) }, () => run).flat())
      break
    }
    case 5:
      bytes.splice(at, randomInt(random, 1, 8))
      break
    default:
      bytes.splice(at, 0, ...randomBytes(random, randomInt(random, 1, 8)))
  }
  return Uint8Array.from(bytes)
}

/** Several mutations in a row. */
export function mutateMany(random: () => number, input: Uint8Array, times: number): Uint8Array {
  let output = input
  for (let i = 0; i < times; i++) output = mutate(random, output)
  return output
}
