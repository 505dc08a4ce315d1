import { describe, expect, it } from 'vitest'
import type { Anchor } from '../annotations/annotation'
import { anchorOn } from '../annotations/annotation-test-support'
import { anchoredNearScreen } from './screen-first'

interface Item {
  readonly id: string
  readonly anchor?: Anchor
}

const at = (id: string, start: number, length = 10): Item => ({
  id,
  anchor: anchorOn('x'.repeat(length), start),
})

describe('anchoredNearScreen', () => {
  const onScreen = { start: 1_000, end: 1_500 }

  it('takes what lies on the screen and within one screen of text either side', () => {
    const annotations = [
      at('on', 1_200),
      at('just-above', 600),
      at('just-below', 1_900),
      at('far-above', 100),
      at('far-below', 3_000),
    ]
    expect(anchoredNearScreen(annotations, onScreen).map(({ id }) => id)).toEqual([
      'on',
      'just-above',
      'just-below',
    ])
  })

  it('takes a passage that only overlaps the edge of that reach, and one that spans it', () => {
    const annotations = [
      at('ends-inside', 480, 30),
      at('starts-inside', 1_995),
      at('spans', 0, 5_000),
    ]
    expect(anchoredNearScreen(annotations, onScreen).map(({ id }) => id)).toEqual([
      'ends-inside',
      'starts-inside',
      'spans',
    ])
  })

  it('leaves out replies, which have no passage of their own', () => {
    const reply: Item = { id: 'reply' }
    expect(anchoredNearScreen([reply, at('on', 1_100)], onScreen)).toHaveLength(1)
  })

  it('with an empty screen, takes only what touches that point', () => {
    const point = { start: 700, end: 700 }
    expect(anchoredNearScreen([at('at', 695), at('near', 720)], point).map(({ id }) => id)).toEqual(
      ['at'],
    )
  })
})
