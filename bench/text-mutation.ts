import { randomInt } from '../src/core/seeded-random'

const ARABIC_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'

/**
 * The text with about `share` of its characters changed: each character, with that probability,
 * is replaced, dropped, or gets a letter inserted before it (a third each), as scattered typos
 * and rewordings would. Seeded, so the same call changes the same characters.
 */
export function mutateText(random: () => number, text: string, share: number): string {
  const out: string[] = []
  for (const character of text) {
    if (random() >= share) {
      out.push(character)
      continue
    }
    const letter = ARABIC_LETTERS.charAt(randomInt(random, 0, ARABIC_LETTERS.length - 1))
    const operation = randomInt(random, 0, 2)
    if (operation === 0) out.push(letter)
    else if (operation === 2) out.push(letter, character)
  }
  return out.join('')
}
