import type { TextSpan } from '../annotations/first-screen-index'

/**
 * Characters of article text a window shows per pixel of its height at 100 % text size, in the
 * reader's column (app/styles/article.css: 46rem wide, 1.2rem text, lines 1.9 high): a little
 * over what the seed article's top shows (about 2,060 in a 900 px window), so that the guess is
 * rarely short. A short one costs the first screen a second read of the indexes; the e2e tests
 * (first-screen.spec.ts) hold it to what three windows really show.
 */
const CHARS_PER_PIXEL = 2.6

/**
 * The stretch of the article's text the first screen will show, guessed before anything is laid
 * out: from its top (where it opens), as many characters as fit the window's height. A smaller
 * text size fits more, up to in proportion. A larger one is not counted down: the top of an
 * article (its title, authors and abstract, in short lines) shows barely fewer characters at
 * 160 % than at 100 %.
 */
export function firstScreenText(windowHeight: number, fontScalePercent: number): TextSpan {
  const scale = Math.min(1, fontScalePercent / 100)
  return { start: 0, end: Math.ceil((CHARS_PER_PIXEL * windowHeight) / scale) }
}
