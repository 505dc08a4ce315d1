import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LocalReading } from '../../src/collab/local-reading'
import type { OpenedArticle, Platform } from '../../src/core/platform'
import { claimStartupReading, openStartupReadingAhead } from './reading-ahead'

const openLocalReading = vi.hoisted(() => vi.fn())
vi.mock('../../src/collab/local-reading', () => ({ openLocalReading }))
vi.mock('../state/preferences', () => ({ getPreferences: () => ({ fontScale: 80 }) }))

const opened = { fileName: 'paper.md' } as OpenedArticle

function fakeReading(): LocalReading & { close: ReturnType<typeof vi.fn> } {
  return { close: vi.fn(async () => {}) } as unknown as LocalReading & {
    close: ReturnType<typeof vi.fn>
  }
}

function platformWith(startupArticle: () => Promise<OpenedArticle | null>): Platform {
  return { startupArticle } as unknown as Platform
}

beforeEach(() => {
  vi.stubGlobal('window', { innerHeight: 1_000 })
})

afterEach(() => {
  vi.unstubAllGlobals()
  // Whatever a test left unclaimed is given up, as another reader's would be.
  void claimStartupReading('nobody')
  openLocalReading.mockReset()
})

describe('the startup reading opened ahead', () => {
  it('starts opening at once, and is the one its reader claims', async () => {
    const reading = fakeReading()
    openLocalReading.mockResolvedValue(reading)
    const startupArticle = vi.fn(async () => opened)

    openStartupReadingAhead(platformWith(startupArticle), 'u-1')
    expect(startupArticle).toHaveBeenCalledOnce()
    await vi.waitFor(() => expect(openLocalReading).toHaveBeenCalledOnce())
    // The indexes are read for the text this window will show: 2.6 characters a pixel of its
    // height, more at its smaller text size (80 %).
    expect(openLocalReading.mock.calls[0]![1]).toMatchObject({
      readerId: 'u-1',
      opensAt: { start: 0, end: 3_250 },
    })

    await expect(claimStartupReading('u-1')).resolves.toEqual({ opened, reading })
    expect(reading.close).not.toHaveBeenCalled()
  })

  it('is claimed once: the next opening reads afresh', async () => {
    openLocalReading.mockResolvedValue(fakeReading())
    openStartupReadingAhead(
      platformWith(async () => opened),
      'u-1',
    )
    await claimStartupReading('u-1')
    expect(claimStartupReading('u-1')).toBeNull()
  })

  it('is closed, not handed over, when another reader claims it', async () => {
    const reading = fakeReading()
    openLocalReading.mockResolvedValue(reading)
    openStartupReadingAhead(
      platformWith(async () => opened),
      'u-1',
    )

    expect(claimStartupReading('u-2')).toBeNull()
    await vi.waitFor(() => expect(reading.close).toHaveBeenCalledOnce())
  })

  it('opens the built-in article when the platform has none, as an opening on demand does', async () => {
    openLocalReading.mockResolvedValue(fakeReading())
    const bundled = { fileName: 'built-in' } as OpenedArticle
    vi.doMock('./bundled-article', () => ({ importBundledArticle: async () => bundled }))
    openStartupReadingAhead(
      platformWith(async () => null),
      'u-1',
    )
    await expect(claimStartupReading('u-1')).resolves.toMatchObject({ opened: bundled })
    vi.doUnmock('./bundled-article')
  })

  it('hands its failure to the reader who claims it', async () => {
    openStartupReadingAhead(
      platformWith(async () => {
        throw new Error('the page carries no article')
      }),
      'u-1',
    )
    await expect(claimStartupReading('u-1')).rejects.toThrow('the page carries no article')
    expect(openLocalReading).not.toHaveBeenCalled()
  })

  it('keeps the first opening when asked to open ahead again', async () => {
    const first = fakeReading()
    openLocalReading.mockResolvedValueOnce(first).mockResolvedValueOnce(fakeReading())
    openStartupReadingAhead(
      platformWith(async () => opened),
      'u-1',
    )
    openStartupReadingAhead(
      platformWith(async () => opened),
      'u-1',
    )
    await expect(claimStartupReading('u-1')).resolves.toMatchObject({ reading: first })
    expect(openLocalReading).toHaveBeenCalledOnce()
  })
})
