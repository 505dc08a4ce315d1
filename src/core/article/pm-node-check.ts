/**
 * Checks that a value has the shape of ProseMirror JSON (`Node.toJSON()`), without recursion
 * and without building anything: an article is checked on every window's open, before its text
 * can show, and zod's recursive `z.lazy` schema took 60–90 ms for the bundled article's 381
 * nodes there (a page's content-security policy rules out zod's compiled fast path). This walks
 * the same rules in well under a millisecond.
 */

/** Why the value is not ProseMirror JSON, and where: the path of keys and indices to it. */
export interface PMNodeProblem {
  readonly message: string
  readonly path: readonly (string | number)[]
}

type Path = readonly (string | number)[]

/** A node waiting to be checked, and how to reach it: paths are built only for a problem. */
interface Visit {
  readonly node: unknown
  readonly parent: Visit | null
  readonly index: number
}

function pathTo(visit: Visit): (string | number)[] {
  const path: (string | number)[] = []
  for (let at: Visit = visit; at.parent !== null; at = at.parent) path.push(at.index, 'content')
  return path.reverse()
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What is wrong with a mark: a message and the path below the mark. */
function markProblem(mark: unknown): [string, Path] | null {
  if (!isRecord(mark)) return ['a mark must be an object', []]
  if (typeof mark['type'] !== 'string') return ['a mark needs a type', []]
  if (mark['attrs'] !== undefined && !isRecord(mark['attrs'])) {
    return ['attrs must be an object', ['attrs']]
  }
  return null
}

/** What is wrong with the node itself (not its children): a message and the path below it. */
function ownProblem(node: unknown): [string, Path] | null {
  if (!isRecord(node)) return ['a node must be an object', []]
  const { type, attrs, content, text, marks } = node
  if (typeof type !== 'string' || type === '') return ['a node needs a non-empty type', ['type']]
  if (attrs !== undefined && !isRecord(attrs)) return ['attrs must be an object', ['attrs']]
  if (content !== undefined && !Array.isArray(content)) {
    return ['content must be an array of nodes', ['content']]
  }
  if (text !== undefined && typeof text !== 'string') return ['text must be a string', ['text']]
  if (marks === undefined) return null
  if (!Array.isArray(marks)) return ['marks must be an array', ['marks']]
  for (let i = 0; i < marks.length; i++) {
    const problem = markProblem(marks[i])
    if (problem) return [problem[0], ['marks', i, ...problem[1]]]
  }
  return null
}

/** The first thing that keeps `value` from being ProseMirror JSON, or null when it is. */
export function pmNodeProblem(value: unknown): PMNodeProblem | null {
  // Depth-first with an explicit stack: a hostile document nested 100,000 deep cannot overflow it.
  const stack: Visit[] = [{ node: value, parent: null, index: 0 }]
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const problem = ownProblem(visit.node)
    if (problem) return { message: problem[0], path: [...pathTo(visit), ...problem[1]] }
    const content = (visit.node as { content?: unknown[] }).content
    if (content === undefined) continue
    for (let i = content.length - 1; i >= 0; i--) {
      stack.push({ node: content[i], parent: visit, index: i })
    }
  }
  return null
}
