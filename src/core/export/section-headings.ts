import type { RootContent } from 'mdast'
import type { ArticleSection, SectionPlace } from './article-sections'
import type { ExportLabels } from './export-input'
import { heading } from './thread-mdast'

export interface PlacedBlocks {
  readonly place: SectionPlace
  readonly blocks: readonly RootContent[]
}

/**
 * Blocks under the article's own section headings: a heading wherever the section changes,
 * and before a subsection its level-1 section's heading, unless that was the last one written.
 * Sections are headings at `depth`, subsections one deeper.
 */
export function underSectionHeadings(
  entries: readonly PlacedBlocks[],
  depth: number,
  labels: ExportLabels,
): RootContent[] {
  const out: RootContent[] = []
  let lastPlace: SectionPlace | undefined
  let lastTop: ArticleSection | null = null
  for (const entry of entries) {
    const { place } = entry
    if (place !== lastPlace) {
      if (place === 'before-first' || place === 'unplaced') {
        out.push(
          heading(
            depth,
            place === 'before-first' ? labels.beforeFirstSection : labels.withoutPassage,
          ),
        )
        lastTop = null
      } else {
        if (place.parent !== null && place.parent !== lastTop) {
          out.push(heading(depth, place.parent.title))
        }
        out.push(heading(place.parent === null ? depth : depth + 1, place.title))
        lastTop = place.parent ?? (place.level === 1 ? place : null)
      }
      lastPlace = place
    }
    out.push(...entry.blocks)
  }
  return out
}
