import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { PMNode } from './article-doc'
import { ArticleDocSchema } from './article-doc'
import { outlineOf } from './article-text'
import { importArticle } from './import-article'
import { importPaperText, looksLikePaperText } from './import-paper-text'

const SEED_PATH = 'resources/articles/defensive-diplomacy-iraq.ar.txt'
const seed = readFileSync(SEED_PATH, 'utf8')
const doc = importArticle(seed, { format: 'txt', fileName: 'defensive-diplomacy-iraq.ar.txt' })
const blocks = doc.content.content ?? []
const ARABIC_TITLE = 'الدبلوماسية الدفاعية وتأثيرها في الامن الوطني العراقي'

function textOf(node: PMNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(textOf).join('')
}

function allNodes(node: PMNode): PMNode[] {
  return [node, ...(node.content ?? []).flatMap(allNodes)]
}

const bodyBlocks = blocks.filter((block) => block.type !== 'frontMatter')
const bodyNodes = bodyBlocks.flatMap(allNodes)
const bodyParagraphs = bodyNodes.filter((node) => node.type === 'paragraph')

function listAfterHeading(headingText: string): PMNode {
  const index = blocks.findIndex(
    (block) => block.type === 'heading' && textOf(block) === headingText,
  )
  expect(index, `heading «${headingText}»`).toBeGreaterThan(-1)
  const list = blocks[index + 1]
  if (!list) throw new Error(`nothing follows «${headingText}»`)
  return list
}

function withoutWhitespace(text: string): string {
  return [...text].filter((char) => !/\s/u.test(char)).join('')
}

describe('importing the bundled paper', () => {
  it('yields a valid article document', () => {
    expect(() => ArticleDocSchema.parse(doc)).not.toThrow()
    expect(doc.content.type).toBe('doc')
  })

  it('reads the metadata from the cover and the title pages', () => {
    expect(doc.meta).toEqual({
      title: ARABIC_TITLE,
      titleEn: 'Defensive diplomacy and its impact on Iraqi national security',
      authors: ['أ.م.د. انتظار رشيد زوير', 'م.د.حنان فالح حسن'],
      authorsEn: ['Assistant prof.Dr. Intisar Rashid Zoueir', 'Lecturer. Dr. Hanan Faleh Hassan'],
      affiliation: 'الجامعة المستنصرية/كلية العلوم السياسية',
      affiliationEn: 'Al-Mustansiriya University/College of Political Science',
      emails: ['inrasheed@uomusansiriyah.edu.iq', 'hanan_faleh@uomustansiriyah.edu.iq'],
      sourceUrl: 'https://political-encyclopedia.org/library/6722',
      retrieved: '2026/06/09 11:22 +03',
      journal: 'المجلة السياسية والدولية',
      keywords: ['الدفاعية', 'الدبلوماسية', 'العسكرية', 'الامن الوطني', 'العراق'],
      keywordsEn: ['defense', 'diplomacy', 'military', 'national security', 'Iraq'],
      language: 'ar',
      publisherNotice: expect.any(Array),
    })
  })

  it('keeps the publisher notice in the front matter and the metadata, not in the body', () => {
    const [first] = blocks
    expect(first?.type).toBe('frontMatter')
    expect(blocks.filter((block) => block.type === 'frontMatter')).toHaveLength(1)
    const noticeTexts = (first?.content ?? []).map(textOf)
    expect(doc.meta.publisherNotice).toEqual(noticeTexts)
    expect(noticeTexts[0]).toBe('المجلة السياسية والدولية')
    expect(noticeTexts).toContain('رابط ثابت: https://political-encyclopedia.org/library/6722')
    expect(
      noticeTexts.some((text) => text.startsWith('الموسوعة السياسية هي مبادرة أكاديمية')),
    ).toBe(true)
    expect(noticeTexts.at(-1)).toMatch(/^تم الحصول على هذا المقال/u)

    const bodyText = bodyBlocks.map(textOf).join('\n')
    expect(bodyText).not.toContain('الموسوعة السياسية هي مبادرة')
    expect(bodyText).not.toContain('رابط ثابت')
    expect(bodyText).not.toContain('تاريخ الاسترداد')
    expect(textOf(bodyBlocks[0] ?? { type: 'none' })).toBe(ARABIC_TITLE)
  })

  it('finds every heading at its level, and no other', () => {
    expect(outlineOf(doc.content).map(({ level, text }) => [level, text])).toEqual([
      [1, ARABIC_TITLE],
      [2, 'المخلص'],
      [1, 'Defensive diplomacy and its impact on Iraqi national security'],
      [2, 'Abstract:'],
      [1, 'المقدمة:'],
      [1, 'اهمية البحث:'],
      [1, 'اشكالية البحث:'],
      [1, 'فرضية البحث:'],
      [1, 'منهجية البحث:'],
      [1, 'المبحث الاول: ماهية الدبلوماسية الدفاعية واهدافها'],
      [2, 'المطلب الاول: مفهوم الدبلوماسية الدفاعية'],
      [2, 'المطلب الثاني: مجالات واهداف الدبلوماسية الدفاعية'],
      [1, 'المبحث الثاني: الامن القومي العراقي والدبلوماسية الدفاعية'],
      [2, 'المطلب الاول: حماية الامن القومي العراقي'],
      [2, 'المطلب الثاني: طبيعة عمل الملحقيات العسكرية العراقية'],
      [1, 'المبحث الثالث: تطوير الدبلوماسية الدفاعية للعراق'],
      [1, 'الخاتمة'],
      [1, 'قائمة المصادر باللغة العربية'],
      [1, 'قائمة المصادر باللغة الاجنبية'],
    ])
  })

  it('gives the title, abstract and reference headings their roles', () => {
    const roleOf = (text: string) =>
      blocks.find((block) => block.type === 'heading' && textOf(block) === text)?.attrs?.role
    expect(roleOf(ARABIC_TITLE)).toBe('title')
    expect(roleOf('Defensive diplomacy and its impact on Iraqi national security')).toBe('title')
    expect(roleOf('المخلص')).toBe('abstract')
    expect(roleOf('Abstract:')).toBe('abstract')
    expect(roleOf('قائمة المصادر باللغة العربية')).toBe('references')
    expect(roleOf('قائمة المصادر باللغة الاجنبية')).toBe('references')
    expect(roleOf('الخاتمة')).toBeUndefined()
  })

  it('marks the bylines, abstracts and keywords', () => {
    const withRole = (role: string) =>
      bodyParagraphs.filter((node) => node.attrs?.role === role).map(textOf)
    expect(withRole('author')).toEqual([
      'أ.م.د. انتظار رشيد زوير',
      'م.د.حنان فالح حسن',
      'Assistant prof.Dr. Intisar Rashid Zoueir',
      'Lecturer. Dr. Hanan Faleh Hassan',
    ])
    expect(withRole('email')).toEqual([
      'inrasheed@uomusansiriyah.edu.iq hanan_faleh@uomustansiriyah.edu.iq',
      'inrasheed@uomusansiriyah.edu.iq',
      'hanan_faleh@uomustansiriyah.edu.iq',
    ])
    expect(withRole('affiliation')).toEqual([
      'الجامعة المستنصرية/كلية العلوم السياسية',
      'Al-Mustansiriya University/College of Political Science',
    ])
    expect(withRole('keywords')).toEqual([
      'الكلمات المفتاحية : الدفاعية ، الدبلوماسية ، العسكرية ، الامن الوطني ، العراق',
      'Keywords: defense, diplomacy, military, national security, Iraq.',
    ])
    const abstracts = withRole('abstract')
    expect(abstracts).toHaveLength(2)
    expect(abstracts[0]).toMatch(/^تعد الدبلوماسية الدفاعية أنشطة غير عنفيه/u)
    expect(abstracts[1]).toMatch(/^Defense diplomacy is non-violent activities/u)
  })

  it('sets the direction of every block from its first strong character', () => {
    const blockNodes = bodyNodes.filter((node) => node.type !== 'text' && node.type !== 'hardBreak')
    for (const node of blockNodes.filter((node) => node.type !== 'doc')) {
      expect(['rtl', 'ltr'], node.type).toContain(node.attrs?.dir)
    }
    const englishAbstract = bodyParagraphs.find((node) =>
      textOf(node).startsWith('Defense diplomacy is non-violent'),
    )
    expect(englishAbstract?.attrs?.dir).toBe('ltr')
    const arabicParagraphs = bodyParagraphs.filter((node) => /^[\u0621-\u064a]/u.test(textOf(node)))
    expect(arabicParagraphs.length).toBeGreaterThan(40)
    for (const paragraph of arabicParagraphs) expect(paragraph.attrs?.dir).toBe('rtl')
    expect(blocks.find((block) => textOf(block) === 'Abstract:')?.attrs?.dir).toBe('ltr')
    expect(listAfterHeading('قائمة المصادر باللغة الاجنبية').attrs?.dir).toBe('ltr')
    expect(listAfterHeading('قائمة المصادر باللغة العربية').attrs?.dir).toBe('rtl')
  })

  it('re-joins paragraphs the extraction broke mid-sentence', () => {
    const texts = bodyParagraphs.map(textOf)
    expect(
      texts.filter((text) => text.includes('للتكيف مع البيئة الامنية الدولية الجديدة')),
    ).toHaveLength(1)
    expect(texts.some((text) => text.startsWith('الامنية الدولية الجديدة'))).toBe(false)
    expect(
      texts.filter((text) => text.includes('the study poses a problem as to what')),
    ).toHaveLength(1)
    expect(texts.some((text) => text.startsWith('problem as to what'))).toBe(false)
    // «…حفل تخرج دورة تدريب للقوات الخاصة» / «العراقية في مركز…» and «…ناصر السعدون» / «، وقدّم…».
    expect(texts.some((text) => text.includes('للقوات الخاصة العراقية في مركز الملك'))).toBe(true)
    expect(texts.some((text) => text.includes('ناصر السعدون ، وقدّم الملحق'))).toBe(true)
    // Sentences that were complete stay apart, and enumerated points are not swallowed.
    expect(texts.some((text) => text.startsWith('يتطلب عمل الملحقيات العسكرية العراقية'))).toBe(
      true,
    )
    expect(texts.some((text) => text.startsWith('اولاً : اعداد الدراسات'))).toBe(true)
  })

  it('builds the two reference lists, numbered as written', () => {
    const arabic = listAfterHeading('قائمة المصادر باللغة العربية')
    expect(arabic.type).toBe('orderedList')
    expect(arabic.attrs?.start).toBe(1)
    const arabicItems = (arabic.content ?? []).map(textOf)
    expect(arabicItems).toHaveLength(12)
    expect(arabicItems[0]).toBe(
      '١- البسوس ، هاني . ٢٠٢١ م . الدبلوماسية الدفاعية القطرية : استراتيجية التحالفات العسكرية . الطعنين - قطر : المركز العربي للابحاث ودراسة السياسات .',
    )
    expect(arabicItems[11]).toBe(
      '١٢- موقع وزارة الخارجية العراقية الرسمي . ٢٠١٩ . سعادة السفير يلتقي الملحق العسكري السعودي المعين حديثا لدى العراق ، ١٧ يوليو ٢٠١٩ ، على الرابط الالكتروني: https://mofa.gov.iq/riyadh/?p=1041',
    )

    const english = listAfterHeading('قائمة المصادر باللغة الاجنبية')
    expect(english.type).toBe('orderedList')
    expect(english.attrs?.start).toBe(1)
    const englishItems = (english.content ?? []).map(textOf)
    expect(englishItems).toHaveLength(18)
    expect(englishItems[0]).toMatch(/^1- Al-Ammar, Moneim Sahi and Shaima Turkan Saleh\. 2015\./u)
    expect(englishItems[0]).toMatch(/University of Baghdad\.$/u)
    expect(englishItems[15]).toMatch(
      /^16- The official website of the Iraqi Ministry of Defense\./u,
    )
    expect(englishItems[17]).toBe(
      '18- The official website of the Iraqi Ministry of Foreign Affairs. 2019. His Excellency the Ambassador meets with the newly appointed Saudi military attaché to Iraq, July 17, 2019, at the electronic link: https://mofa.gov.iq/riyadh/?p=1041',
    )
    expect(blocks.at(-1)).toBe(english)
  })

  it('keeps list numbers in the text and groups consecutive bullets into one list', () => {
    const lists = bodyBlocks.filter((block) => block.type.endsWith('List'))
    const first = lists[0]
    expect(first?.type).toBe('orderedList')
    expect((first?.content ?? []).map(textOf)).toHaveLength(8)
    expect(textOf(first?.content?.[0] ?? { type: 'none' })).toBe(
      '١-تمثيل والدفاع عن المصالح العسكرية والأمنية لبلاده.',
    )
    // Bullets split by a blank line and by indentation are still one list of 17 items, the last
    // one carrying on into the line after it («…ويمكن فهم الدبلوماسية» / «الدفاعية على انها…»).
    const second = lists[1]
    expect(second?.type).toBe('bulletList')
    const items = (second?.content ?? []).map(textOf)
    expect(items).toHaveLength(17)
    expect(items[0]).toMatch(/^التعاون الثنائي والمتعدد الأطراف/u)
    expect(items[16]).toContain('ويمكن فهم الدبلوماسية الدفاعية على انها')
    // Numbered lines without bullets («١- ضرورة…» …) are an ordered list too.
    const conclusions = lists.find((list) => textOf(list).startsWith('١- ضرورة التعاون'))
    expect(conclusions?.type).toBe('orderedList')
    expect(conclusions?.content).toHaveLength(3)
  })

  it('reads pandoc inline markup into marks', () => {
    const textNodes = bodyNodes.filter((node) => node.type === 'text')
    const italic = textNodes.find((node) => node.text === 'JOURNAL OF INDO-PACIFIC AFFAIRS')
    expect(italic?.marks).toEqual([{ type: 'italic' }])
    const link = textNodes.find((node) => node.text === 'https://mod.mil.iq/?article=2467')
    expect(link?.marks).toEqual([
      { type: 'link', attrs: { href: 'https://mod.mil.iq/?article=2467' } },
    ])
    const allText = bodyBlocks.map(textOf).join('\n')
    expect(allText).toContain('worth $550 million')
    expect(allText).not.toContain('\\$')
    expect(allText).not.toMatch(/[*<>]/u)
  })

  it('keeps every character of the body, in order, except the markup it consumed', () => {
    const lines = seed.split('\n')
    const titleLine = lines.findIndex((line) => line.trim() === ARABIC_TITLE)
    expect(titleLine).toBe(22)
    const expected = lines
      .slice(titleLine)
      .map((line) => line.replace(/^\s*- /u, ''))
      .join('\n')
      .replace(/<(https?:\/\/[^\s<>]+)>/gu, '$1')
      .replace(/(?<!\\)\*/gu, '')
      .replace(/\\([!-/:-@[-`{-~])/gu, '$1')
    const actual = bodyBlocks.map(textOf).join('\n')

    const expectedChars = withoutWhitespace(expected)
    const actualChars = withoutWhitespace(actual)
    let firstDifference = 0
    while (
      firstDifference < expectedChars.length &&
      expectedChars[firstDifference] === actualChars[firstDifference]
    ) {
      firstDifference += 1
    }
    const context = `expected …${expectedChars.slice(firstDifference - 20, firstDifference + 20)}… got …${actualChars.slice(firstDifference - 20, firstDifference + 20)}…`
    expect(firstDifference, context).toBe(expectedChars.length)
    expect(actualChars.length).toBe(expectedChars.length)
  })
})

describe('the bundled paper with Windows line endings', () => {
  it('imports to the same document', () => {
    expect(importPaperText(seed.replace(/\n/gu, '\r\n'))).toEqual(importPaperText(seed))
  })
})

describe('a paper of the same shape with other values', () => {
  const paper = [
    'مجلة العلوم الانسانية',
    '',
    'عنوان المقال: اثر التعليم الرقمي في الجامعات',
    '',
    'اسم الكاتب: د. سارة علي',
    '',
    'رابط ثابت: <https://example.org/articles/42>',
    '',
    'تاريخ الاسترداد: 2025/01/02 10:00 +03',
    '',
    'هذا نص الترخيص الخاص بالناشر.',
    '',
    '',
    '',
    'اثر التعليم الرقمي في الجامعات',
    '',
    'د. سارة علي',
    '',
    'sara@example.edu',
    '',
    'جامعة بغداد/كلية التربية',
    '',
    'الملخص',
    '',
    'يتناول البحث اثر التعليم الرقمي في تحسين جودة التدريس وتطوير مهارات الطلبة والتدريسيين في',
    '',
    'الجامعات العراقية بعد عام ٢٠٢٠.',
    '',
    'كلمات مفتاحية: التعليم، الجامعات',
    '',
    'الفصل الأول: الاطار النظري',
    '',
    'المبحث الأول: المفاهيم',
    '',
    'نص المبحث الاول يشرح المفاهيم الاساسية للتعليم الرقمي.',
    '',
    'المبحث الثاني: الادبيات',
    '',
    'الدراسات العربية:',
    '',
    'نص الدراسات.',
    '',
    'Conclusion',
    '',
    'A short closing paragraph in English.',
  ].join('\n')

  const result = importPaperText(paper)

  it('is recognised as a paper', () => {
    expect(looksLikePaperText(paper)).toBe(true)
    expect(looksLikePaperText('Just a note.\n\nAnother paragraph.')).toBe(false)
  })

  it('reads its metadata by pattern', () => {
    expect(result.meta).toMatchObject({
      title: 'اثر التعليم الرقمي في الجامعات',
      authors: ['د. سارة علي'],
      emails: ['sara@example.edu'],
      affiliation: 'جامعة بغداد/كلية التربية',
      sourceUrl: 'https://example.org/articles/42',
      retrieved: '2025/01/02 10:00 +03',
      journal: 'مجلة العلوم الانسانية',
      keywords: ['التعليم', 'الجامعات'],
      keywordsEn: [],
      authorsEn: [],
      language: 'ar',
    })
    expect(result.meta.titleEn).toBeUndefined()
    expect(result.meta.publisherNotice).toHaveLength(6)
  })

  it('ranks the division words it uses and nests colon headings inside them', () => {
    expect(outlineOf(result.content).map(({ level, text }) => [level, text])).toEqual([
      [1, 'اثر التعليم الرقمي في الجامعات'],
      [2, 'الملخص'],
      [1, 'الفصل الأول: الاطار النظري'],
      [2, 'المبحث الأول: المفاهيم'],
      [2, 'المبحث الثاني: الادبيات'],
      [3, 'الدراسات العربية:'],
      [1, 'Conclusion'],
    ])
  })

  it('joins its broken abstract', () => {
    const abstract = (result.content.content ?? []).filter(
      (block) => block.type === 'paragraph' && block.attrs?.role === 'abstract',
    )
    expect(abstract.map(textOf)).toEqual([
      'يتناول البحث اثر التعليم الرقمي في تحسين جودة التدريس وتطوير مهارات الطلبة والتدريسيين في الجامعات العراقية بعد عام ٢٠٢٠.',
    ])
  })
})
