import {
  buildArticleTextIndex,
  describeTextRange,
  matchQuote,
  resolveAnchors,
} from '../../src/core/anchoring'
import type { TextQuoteSelector } from '../../src/core/annotations/annotation'
import { mulberry32 } from '../../src/core/seeded-random'
import { articleContentOf, editArticle } from '../article-edits'
import type { Benchmark, BenchContext } from '../harness/benchmark'
import { measured, type Figure } from '../harness/figure'
import { repeat, timeSync } from '../harness/repeat'
import { randomAnchor, randomPassage } from '../random-passage'
import { seededArticle } from '../seeded-article'
import { mutateText } from '../text-mutation'

const ANCHORS = 5000
const EDITS = 200
const QUOTES = 1000
const SEED = 6

const percent = (part: number, whole: number) => (100 * part) / whole

/** How many quotes exact `indexOf` does not find, and how long it takes: the floor. */
function exactSearch(
  text: string,
  quotes: readonly TextQuoteSelector[],
): { ms: number; missed: number } {
  let missed = 0
  const ms = timeSync(() => {
    missed = quotes.filter((quote) => text.indexOf(quote.exact) < 0).length
  })
  return { ms, missed }
}

async function reanchoringAfterEdits(context: BenchContext): Promise<Figure[]> {
  const random = mulberry32(SEED)
  const article = seededArticle(await context.fixtures.article(), 0x5eed)
  const anchors = Array.from({ length: ANCHORS }, () => randomAnchor(random, article))
  editArticle(random, article.doc, article.fragment, EDITS)
  const index = buildArticleTextIndex(articleContentOf(article.fragment))
  const quotes = anchors.map((anchor) => anchor.quote)

  let orphaned = 0
  const runs = await repeat(
    context.choose(
      { warmup: 1, runs: 5, budgetMs: 15_000 },
      { warmup: 2, runs: 15, budgetMs: 60_000 },
    ),
    () =>
      timeSync(() => {
        const resolutions = resolveAnchors({
          doc: article.doc,
          fragment: article.fragment,
          index,
          anchors,
        })
        orphaned = resolutions.filter((resolution) => resolution.status === 'orphaned').length
      }),
  )
  const floor = await repeat(
    context.choose(
      { warmup: 1, runs: 5, budgetMs: 5_000 },
      { warmup: 2, runs: 15, budgetMs: 20_000 },
    ),
    () => exactSearch(index.text, quotes),
  )
  const floorMissed = floor[0]?.missed ?? 0
  return [
    measured({
      id: 'anchoring.reanchor.time',
      name: `Re-anchor ${ANCHORS.toLocaleString('en-US')} annotations after ${EDITS} edits`,
      unit: 'ms',
      runs,
      baseline: { name: 'exact indexOf', runs: floor.map((result) => result.ms) },
      note: 'resolveAnchors (relative positions, then offsets, then fuzzy quote) on the edited Y.XmlFragment, in Node; the text index is built beforehand',
    }),
    measured({
      id: 'anchoring.reanchor.orphaned',
      name: `Re-anchor after ${EDITS} edits: share orphaned`,
      unit: '%',
      runs: [percent(orphaned, ANCHORS)],
      baseline: { name: 'exact indexOf misses', runs: [percent(floorMissed, ANCHORS)] },
    }),
  ]
}

/** `warm`: whether an earlier share already ran matchQuote, so its code is warm. */
async function fuzzyAfterChanges(
  context: BenchContext,
  share: number,
  warm: boolean,
): Promise<Figure[]> {
  const random = mulberry32(SEED + Math.round(share * 100))
  const text = seededArticle(await context.fixtures.article(), 0x5eed).index.text
  const selectors = Array.from({ length: QUOTES }, () => {
    const passage = randomPassage(random, text)
    return passage && describeTextRange(text, passage.start, passage.end)
  }).filter((selector) => selector !== null)
  const changed = mutateText(random, text, share)
  const quotes = selectors.map((selector) => selector.quote)

  let orphaned = 0
  const runs = await repeat(
    context.choose(
      { warmup: warm ? 0 : 1, runs: 2, budgetMs: 10_000 },
      { warmup: 1, runs: 10, budgetMs: 60_000 },
    ),
    () =>
      timeSync(() => {
        orphaned = selectors.filter(
          (selector) =>
            'orphan' in matchQuote(changed, selector.quote, { hint: selector.position.start }),
        ).length
      }),
  )
  const floor = await repeat(
    context.choose(
      { warmup: 1, runs: 5, budgetMs: 5_000 },
      { warmup: 2, runs: 15, budgetMs: 20_000 },
    ),
    () => exactSearch(changed, quotes),
  )
  const label = `${Math.round(share * 100)}%`
  return [
    measured({
      id: `anchoring.fuzzy-${Math.round(share * 100)}.time`,
      name: `Fuzzy re-anchor ${quotes.length.toLocaleString('en-US')} quotes, ${label} of text changed`,
      unit: 'ms',
      runs,
      baseline: { name: 'exact indexOf', runs: floor.map((result) => result.ms) },
      note: 'matchQuote with the old offset as hint, on the article text with that share of characters replaced, dropped or inserted',
    }),
    measured({
      id: `anchoring.fuzzy-${Math.round(share * 100)}.orphaned`,
      name: `Fuzzy re-anchor, ${label} changed: share orphaned`,
      unit: '%',
      runs: [percent(orphaned, quotes.length)],
      baseline: {
        name: 'exact indexOf misses',
        runs: [percent(floor[0]?.missed ?? 0, quotes.length)],
      },
    }),
  ]
}

export const anchoring: Benchmark = {
  name: 'anchoring',
  title: 'Anchoring',
  needsWebBuild: false,
  async run(context) {
    const figures = await reanchoringAfterEdits(context)
    for (const [i, share] of context.choose([0.05, 0.3], [0.05, 0.15, 0.3]).entries()) {
      figures.push(...(await fuzzyAfterChanges(context, share, i > 0)))
    }
    return figures
  },
}
