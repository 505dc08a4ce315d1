import { Parser } from 'htmlparser2'

/*
 * A minimal element tree from htmlparser2's events (which already apply HTML's implied end
 * tags: a `<p>` closes at the next block, an `<li>` at the next `<li>`). Text is decoded from
 * entities once, here, and is never parsed as HTML again.
 */

export interface HtmlElement {
  kind: 'element'
  name: string
  attributes: Readonly<Record<string, string>>
  children: HtmlNode[]
}

export type HtmlNode = HtmlElement | { kind: 'text'; text: string }

/**
 * Elements nested deeper than this are read as part of their ancestor at this depth: their text
 * is kept, their structure flattened. Real pages stay far below it (browsers stop at 512); past
 * it the importers' recursive walks would exhaust the stack.
 */
export const MAX_HTML_DEPTH = 256

export function parseHtmlTree(html: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#root', attributes: {}, children: [] }
  const stack: HtmlElement[] = [root]
  const current = () => stack.at(-1) ?? root

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (stack.length > MAX_HTML_DEPTH) return
        const element: HtmlElement = {
          kind: 'element',
          name,
          attributes: { ...attributes },
          children: [],
        }
        current().children.push(element)
        stack.push(element)
      },
      onclosetag(name) {
        const open = stack.findLastIndex((element) => element.name === name)
        if (open > 0) stack.length = open
      },
      ontext(text) {
        const children = current().children
        const last = children.at(-1)
        if (last?.kind === 'text') last.text += text
        else children.push({ kind: 'text', text })
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  return root
}

export function findElement(
  node: HtmlElement,
  matches: (element: HtmlElement) => boolean,
): HtmlElement | undefined {
  for (const child of node.children) {
    if (child.kind !== 'element') continue
    if (matches(child)) return child
    const found = findElement(child, matches)
    if (found) return found
  }
  return undefined
}

/** All text inside a node, as written (entities decoded), without any markup. */
export function textContent(node: HtmlNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textContent).join('')
}
