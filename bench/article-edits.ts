import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { PMNode } from '../src/core/article/article-doc'
import { randomInt } from '../src/core/seeded-random'
import { articleSchema } from '../src/editor/article-schema'

const INSERTED_WORDS = [
  'الأمن',
  'الدفاع',
  'العراق',
  'defence',
  'policy',
  '٢٠٢٣',
  'التعاون',
  'military',
]

function textsOf(container: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  return container
    .toArray()
    .flatMap((child) =>
      child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? textsOf(child) : [],
    )
}

/**
 * Applies `count` random edits to the article's texts, one transaction each, as an instructor
 * revising it would: half insert a word or two somewhere, half delete up to 40 characters.
 */
export function editArticle(
  random: () => number,
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  count: number,
): void {
  const texts = textsOf(fragment)
  if (texts.length === 0) throw new Error('The article has no text to edit.')
  for (let i = 0; i < count; i++) {
    const text = texts[randomInt(random, 0, texts.length - 1)]!
    doc.transact(() => {
      if (random() < 0.5 || text.length === 0) {
        const words = Array.from(
          { length: randomInt(random, 1, 2) },
          () => INSERTED_WORDS[randomInt(random, 0, INSERTED_WORDS.length - 1)]!,
        )
        text.insert(randomInt(random, 0, text.length), ` ${words.join(' ')} `)
      } else {
        const at = randomInt(random, 0, text.length - 1)
        text.delete(at, Math.min(text.length - at, randomInt(random, 1, 40)))
      }
    })
  }
}

/** The fragment's document now, as ProseMirror JSON (what the editor would show). */
export function articleContentOf(fragment: Y.XmlFragment): PMNode {
  return yXmlFragmentToProseMirrorRootNode(fragment, articleSchema()).toJSON() as PMNode
}
