import { HIGHLIGHT_COLORS, SUGGESTED_TAGS } from '../src/core/annotations/annotation'
import { randomInt } from '../src/core/seeded-random'

/*
 * What the synthetic students write: short Arabic and English remarks of the kind a seminar
 * leaves in the margin, some with Markdown, and the tags they use. Drawn from by a seeded PRNG.
 */

const FIRST_NAMES = [
  'Hanan',
  'Intisar',
  'Omar',
  'Layla',
  'Yusuf',
  'Noor',
  'Karim',
  'Zainab',
  'Ali',
  'Maryam',
  'Sara',
  'Hassan',
  'حنان',
  'انتصار',
  'عمر',
  'ليلى',
  'يوسف',
  'نور',
  'كريم',
  'زينب',
]

const ARABIC_REMARKS = [
  'هذا تعريف مهم للدبلوماسية الدفاعية',
  'لا أتفق مع هذا الاستنتاج، فالمصادر المذكورة قديمة',
  'ما الفرق بين الملحق العسكري والمستشار الأمني هنا؟',
  'يمكن ربط هذه الفقرة بما ورد في المبحث الثاني',
  'نقطة **جوهرية** للنقاش في الجلسة القادمة',
  'أحتاج إلى مصدر يدعم هذا الادعاء',
  'المقارنة مع التجربة الأردنية مفيدة هنا',
  'صياغة غامضة؛ هل المقصود الأمن الوطني أم القومي؟',
  'انظر الهامش رقم ١٢ في النص الأصلي',
  'هذا يفسر تراجع التعاون العسكري بعد ٢٠٠٣',
]

const ENGLISH_REMARKS = [
  'Key definition — compare with the NATO usage',
  'I am not convinced: the evidence here is anecdotal.',
  'Does the author distinguish defence diplomacy from military diplomacy?',
  'See [the 2003 white paper](https://example.org/white-paper) for context.',
  'This links back to the *security dilemma* argument.',
  'Question for the seminar: who sets these priorities?',
  'Good summary of the literature, but the dates are off.',
  'The translation of this term matters; keep the Arabic.',
  'Worth quoting in the essay.',
  'A counter-example: the Gulf states after 1991.',
]

const EXTRA_TAGS = ['تعريف', 'سؤال', 'مصادر', 'methodology', 'sources', 'essay']

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[randomInt(random, 0, items.length - 1)]
  if (item === undefined) throw new Error('Nothing to pick from.')
  return item
}

export function studentName(random: () => number, number: number): string {
  return `${pick(random, FIRST_NAMES)} ${number}`
}

/** One to three remarks, mostly in the article's Arabic, some in English. */
export function remark(random: () => number): string {
  const count = randomInt(random, 1, 3)
  return Array.from({ length: count }, () =>
    pick(random, random() < 0.7 ? ARABIC_REMARKS : ENGLISH_REMARKS),
  ).join(' ')
}

/** None to three tags, from the suggested ones and a few more. */
export function tags(random: () => number): string[] {
  const pool = [...SUGGESTED_TAGS, ...EXTRA_TAGS]
  return Array.from({ length: randomInt(random, 0, 3) }, () => pick(random, pool))
}

export function color(random: () => number): (typeof HIGHLIGHT_COLORS)[number] {
  return pick(random, HIGHLIGHT_COLORS)
}
