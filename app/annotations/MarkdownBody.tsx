import type { Nodes, RootContent } from 'mdast'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { safeLinkHref } from '../../src/core/article/link-href'
import { readCommentMarkdown } from '../../src/core/annotations/comment-markdown-parser'
import { withBoundedNesting } from '../../src/core/annotations/comment-tree-nesting'

/**
 * A comment's Markdown, turned into React elements node by node: nothing is ever parsed as
 * HTML, so tags and scripts in a comment are shown as the text they are, and only http(s) and
 * mailto links become links. Each paragraph takes its own direction from its first strong letter.
 * A body too intricate to parse quickly is shown as its plain text, and says so; what nests too
 * deep to draw is shown as the text typed for it (the drawing below is recursive).
 */
export function MarkdownBody({ source }: { source: string }) {
  const { t } = useTranslation()
  const { tree, formatted } = useMemo(() => {
    const read = readCommentMarkdown(source)
    return { tree: withBoundedNesting(read.tree, source), formatted: read.formatted }
  }, [source])
  return (
    <div className="markdown-body" data-formatted={formatted}>
      {!formatted && (
        <p className="markdown-plain-note" dir="auto">
          {t('commentShownPlain')}
        </p>
      )}
      {renderChildren(tree.children)}
    </div>
  )
}

function renderChildren(children: RootContent[]): ReactNode[] {
  return children.map((child, index) => renderNode(child, index))
}

function renderNode(node: Nodes, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return (
        <p key={key} dir="auto">
          {renderChildren(node.children)}
        </p>
      )
    case 'heading':
      return (
        <p key={key} dir="auto" className="markdown-heading">
          {renderChildren(node.children)}
        </p>
      )
    case 'text':
      return node.value
    case 'emphasis':
      return <em key={key}>{renderChildren(node.children)}</em>
    case 'strong':
      return <strong key={key}>{renderChildren(node.children)}</strong>
    case 'delete':
      return <del key={key}>{renderChildren(node.children)}</del>
    case 'inlineCode':
      return <code key={key}>{node.value}</code>
    case 'code':
      return (
        <pre key={key} dir="auto">
          <code>{node.value}</code>
        </pre>
      )
    case 'blockquote':
      return (
        <blockquote key={key} dir="auto">
          {renderChildren(node.children)}
        </blockquote>
      )
    case 'list': {
      const items = renderChildren(node.children)
      return node.ordered ? (
        <ol key={key} dir="auto" start={node.start ?? undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key} dir="auto">
          {items}
        </ul>
      )
    }
    case 'listItem':
      return (
        <li key={key} dir="auto">
          {renderChildren(node.children)}
        </li>
      )
    case 'link': {
      const href = safeLinkHref(node.url)
      const content = renderChildren(node.children)
      return href ? (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer nofollow">
          {content}
        </a>
      ) : (
        <span key={key}>{content}</span>
      )
    }
    case 'break':
      return <br key={key} />
    case 'html':
    case 'image':
    case 'imageReference':
    case 'linkReference':
    case 'definition':
    case 'footnoteReference':
    case 'footnoteDefinition':
    case 'thematicBreak':
    case 'table':
    case 'tableRow':
    case 'tableCell':
    case 'yaml':
    case 'root':
      return 'children' in node ? (
        <span key={key}>{renderChildren(node.children as RootContent[])}</span>
      ) : 'value' in node ? (
        node.value
      ) : null
  }
}
