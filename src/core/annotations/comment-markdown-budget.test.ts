import { describe, expect, it } from 'vitest'
import { MAX_BODY_CHARS } from './annotation'
import { markdownWorkload, mayFormatAsMarkdown } from './comment-markdown-budget'

/** `unit` repeated to about `chars` characters. */
const filled = (unit: string, chars: number) => unit.repeat(Math.floor(chars / unit.length))

/** Backtick runs of every length from 1 to `longest`, each before a letter: none closes another. */
function backtickRuns(longest: number): string {
  return Array.from({ length: longest }, (_, index) => `${'`'.repeat(index + 1)}a`).join('')
}

describe('mayFormatAsMarkdown', () => {
  it('refuses what keeps the parser busy for seconds or overflows the stack when drawn', () => {
    const bodies = {
      // Nesting: each line or marker is another container.
      deepQuote: `${'> '.repeat(2000)}x`,
      deepList: '- '.repeat(1000),
      deepOrderedList: `${'1. '.repeat(500)}x`,
      deepFootnotes: `${'[^a]: '.repeat(2000)}x`,
      nestedByIndentation: Array.from(
        { length: 40 },
        (_, level) => `${'  '.repeat(level)}- a`,
      ).join('\n'),
      quoteMarks: `${'>'.repeat(5000)} x`,
      // Inline delimiters in one paragraph: matched by walking back, their cost grows squared.
      emphasis: filled('*a', MAX_BODY_CHARS),
      strong: filled('**a', MAX_BODY_CHARS),
      closers: filled('a*', MAX_BODY_CHARS),
      underscores: filled('_a', MAX_BODY_CHARS),
      tildes: filled('~a', MAX_BODY_CHARS),
      brackets: filled('[a', MAX_BODY_CHARS),
      images: filled('![a', MAX_BODY_CHARS),
      labels: `${'['.repeat(5000)}${']'.repeat(5000)}`,
      nestedStrong: `${'*'.repeat(1000)}a${'*'.repeat(1000)}`,
      mixed: filled('*a_b~c[d', MAX_BODY_CHARS),
      bareLinks: filled('www.a ', MAX_BODY_CHARS),
      emails: filled('a@b.co ', 20_000),
      tableCells: `a|b\n-|-\n${filled('|a', 5000)}`,
      // Openers that read to the end of their paragraph, each again.
      code: filled('`a', MAX_BODY_CHARS),
      codeRuns: backtickRuns(30) + filled('ab ', 50_000),
      html: filled('<a', MAX_BODY_CHARS),
      htmlComments: filled(`x <!-- ${'ab '.repeat(30)}`, 50_000),
      linkTitles: filled('[a](b (', MAX_BODY_CHARS),
      // Blocks: each splices the document's tokens.
      listItems: filled('- a\n', MAX_BODY_CHARS),
      nestedListItems: filled('- - a\n', 20_000),
      setextHeadings: filled('a\n-\n', 10_000),
      tableRows: `a|b\n-|-\n${filled('a|b\n', 20_000)}`,
      lines: filled('a\n', MAX_BODY_CHARS),
      carriageReturns: filled('a\r', MAX_BODY_CHARS),
    }
    for (const [name, body] of Object.entries(bodies)) {
      expect(body.length, name).toBeLessThanOrEqual(MAX_BODY_CHARS)
      expect(mayFormatAsMarkdown(body), name).toBe(false)
    }
  })

  it('formats ordinary comments, long ones with some Markdown too', () => {
    const paragraph =
      'يعد **الملحق العسكري** هو اللاعب الرئيسي في _الدبلوماسية الدفاعية_، see ' +
      '[the paper](https://example.org/p/1), `code` and ~~old~~ text. ' +
      'نص طويل عن الدبلوماسية الدفاعية وتأثيرها في الامن الوطني. '.repeat(6)
    const list = '- first point with **bold**\n- second\n  - nested [link](https://x.org)\n- third'
    const quote = '> quoted passage from the article, with *emphasis*\n> and a second line'
    const table = `| term | meaning |\n| --- | --- |\n${'| **a** | b c d |\n'.repeat(8)}`
    const code = '```ts\nconst x = [1, 2, 3].map((n) => n * 2)\n```'
    const bodies = {
      prose: 'سؤال عن الأمن القومي، ص. 12',
      everything: [`## A heading`, paragraph, list, quote, table, code, '[^1]: a footnote'].join(
        '\n\n',
      ),
      severalPages: filled(`${paragraph}\n\n${list}\n\n${quote}\n\n${table}\n`, 8000),
      longProse: filled(
        `Some **bold** words and a [link](https://x.org). ${'نص طويل عن الدبلوماسية. '.repeat(60)}\n\n`,
        MAX_BODY_CHARS,
      ),
      poem: filled('قصيدة في سطر واحد قصير\n', 20_000),
      longList: Array.from(
        { length: 40 },
        (_, n) => `${n + 1}. item **${n}** [x](https://x.org)`,
      ).join('\n'),
      nestedList: Array.from({ length: 8 }, (_, level) => `${'  '.repeat(level)}- level`).join(
        '\n',
      ),
    }
    for (const [name, body] of Object.entries(bodies)) {
      expect(mayFormatAsMarkdown(body), name).toBe(true)
    }
  })
})

describe('markdownWorkload', () => {
  it('counts lines as the parser ends them: LF, CR LF or CR', () => {
    expect(markdownWorkload('a\nb\r\nc\rd').lines).toBe(4)
  })

  it('counts the containers a line may be inside, by markers and by indentation', () => {
    expect(markdownWorkload('> > - x').deepestLine).toBe(3)
    expect(markdownWorkload('      - x').deepestLine).toBe(4)
    expect(markdownWorkload('[^a]: [^b]: x').deepestLine).toBe(2)
    expect(markdownWorkload('-x, *not* a list, 2024.').deepestLine).toBe(0)
  })

  it('weighs delimiters per paragraph: a list item or a blank line starts another', () => {
    const oneParagraph = markdownWorkload('*a* *b*\n*c* *d*').walksBack
    expect(markdownWorkload('*a* *b*\n\n*c* *d*').walksBack).toBeLessThan(oneParagraph)
    expect(markdownWorkload('- *a* *b*\n- *c* *d*').walksBack).toBeLessThan(oneParagraph)
    // "2." cannot interrupt a paragraph, and four spaces make it its text.
    expect(markdownWorkload('*a* *b*\n2. *c* *d*').walksBack).toBe(oneParagraph)
    expect(markdownWorkload('*a* *b*\n    - *c* *d*').walksBack).toBe(oneParagraph)
  })
})
