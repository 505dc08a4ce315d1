import { describe, expect, it } from 'vitest'
import { untilMachineQuiet, type ProcessorTimes } from './quiet-machine'

/** A machine whose processors are busy by the given shares, one share per 50 ms sample. */
function machine(shares: readonly number[]) {
  let clock = 0
  let sample = 0
  let times: ProcessorTimes = { busy: 0, total: 0 }
  return {
    readTimes: () => times,
    now: () => clock,
    sleep: async (ms: number) => {
      clock += ms
      const share = shares[Math.min(sample++, shares.length - 1)]!
      // Two cores: 100 ms of processor time per 50 ms.
      times = { busy: times.busy + share * 2 * ms, total: times.total + 2 * ms }
    },
  }
}

describe('waiting for a quiet machine', () => {
  it('waits while the processors are busy, then for a moment of quiet', async () => {
    const wait = await untilMachineQuiet(machine([0.9, 0.8, 0.9, 0.1, 0.1, 0.1, 0.1]))
    expect(wait).toEqual({ waitedMs: 350, quiet: true })
  })

  it('starts the moment of quiet again when the processors get busy in it', async () => {
    const wait = await untilMachineQuiet(machine([0.1, 0.1, 0.6, 0.1, 0.1, 0.1, 0.1]))
    expect(wait).toEqual({ waitedMs: 350, quiet: true })
  })

  it('gives up on a machine that stays busy, and says so', async () => {
    const wait = await untilMachineQuiet({ ...machine([0.7]), atMostMs: 1_000 })
    expect(wait).toEqual({ waitedMs: 1_000, quiet: false })
  })
})
