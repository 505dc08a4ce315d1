import { describe, expect, it } from 'vitest'
import { largest, mainThreadProfile, profileWindow, type CallFrame } from './cpu-trace'

const URL_ = 'http://127.0.0.1:4321/'
const PAGE = { pid: 7, tid: 7 }
const NAVIGATION_US = 1_000_000

function navigation(url: string, ts: number) {
  return {
    name: 'navigationStart',
    ph: 'R',
    ...PAGE,
    ts,
    args: { data: { documentLoaderURL: url } },
  }
}

const frame = (functionName: string): CallFrame => ({ functionName, url: `${URL_}app.js` })

/**
 * A page whose profile starts 0.5 ms before the navigation: one sample before it, then four
 * 1 ms apart ((program), outer, outer→inner twice) and a last one in (program).
 */
function trace(extra: { name: string }[] = []) {
  return {
    traceEvents: [
      navigation('http://127.0.0.1:4321/api/health', NAVIGATION_US - 50_000),
      navigation(URL_, NAVIGATION_US),
      {
        name: 'Profile',
        ph: 'P',
        id: '0x1',
        ...PAGE,
        args: { data: { startTime: NAVIGATION_US - 500 } },
      },
      {
        name: 'ProfileChunk',
        id: '0x1',
        pid: 7,
        tid: 9,
        args: {
          data: {
            cpuProfile: {
              nodes: [
                { id: 1, callFrame: { functionName: '(root)' } },
                { id: 2, parent: 1, callFrame: { functionName: '(program)' } },
                { id: 3, parent: 1, callFrame: frame('outer') },
                { id: 4, parent: 3, callFrame: frame('inner') },
              ],
              samples: [2, 2, 3],
            },
            timeDeltas: [100, 400, 1000],
          },
        },
      },
      {
        name: 'ProfileChunk',
        id: '0x1',
        pid: 7,
        tid: 9,
        args: { data: { cpuProfile: { samples: [4, 4, 2] }, timeDeltas: [1000, 1000, 1000] } },
      },
      ...extra,
    ],
  }
}

const byName = (f: CallFrame) => f.functionName

describe('mainThreadProfile', () => {
  it('places each sample in milliseconds from the navigation to the URL, innermost frame first', () => {
    const { samples } = mainThreadProfile(trace(), URL_)
    expect(samples.map((s) => [s.atMs, s.durationMs, s.stack.map(byName)])).toEqual([
      [0, 1, ['(program)', '(root)']],
      [1, 1, ['outer', '(root)']],
      [2, 1, ['inner', 'outer', '(root)']],
      [3, 1, ['inner', 'outer', '(root)']],
      [4, 0, ['(program)', '(root)']],
    ])
  })

  it("leaves out another profile's chunks", () => {
    const other = {
      name: 'ProfileChunk',
      id: '0x2',
      pid: 7,
      tid: 9,
      args: { data: { cpuProfile: { samples: [3] }, timeDeltas: [5] } },
    }
    expect(mainThreadProfile(trace([other]), URL_).samples).toHaveLength(5)
  })

  it('says what the trace lacks', () => {
    expect(() => mainThreadProfile(trace(), 'http://elsewhere/')).toThrow(
      /no navigation to http:\/\/elsewhere\//,
    )
    const withoutProfile = { traceEvents: trace().traceEvents.filter((e) => e.name !== 'Profile') }
    expect(() => mainThreadProfile(withoutProfile, URL_)).toThrow(/no CPU profile/)
    expect(() => mainThreadProfile({}, URL_)).toThrow(/not a Chromium trace/)
  })
})

describe('profileWindow', () => {
  const { samples } = mainThreadProfile(trace(), URL_)

  it('counts own time for the innermost frame and time with callees once per sample', () => {
    const window = profileWindow(samples, { label: 'all', fromMs: 0, toMs: 10 }, byName)
    expect(window.sampledMs).toBe(4)
    expect(Object.fromEntries(window.self)).toEqual({ '(program)': 1, outer: 1, inner: 2 })
    expect(Object.fromEntries(window.inclusive)).toEqual({
      '(program)': 1,
      '(root)': 4,
      outer: 3,
      inner: 2,
    })
    expect(largest(window.inclusive, 2)).toEqual([
      ['(root)', 4],
      ['outer', 3],
    ])
  })

  it('takes the samples from its start up to, not including, its end', () => {
    const window = profileWindow(samples, { label: 'middle', fromMs: 1, toMs: 3 }, byName)
    expect(Object.fromEntries(window.self)).toEqual({ outer: 1, inner: 1 })
  })
})
