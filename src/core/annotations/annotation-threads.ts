import type { Annotation } from './annotation'
import { byCreation } from './annotation-order'

/** A root annotation (highlight or comment) and the replies to it, oldest first. */
export interface AnnotationThread {
  readonly root: Annotation
  readonly replies: readonly Annotation[]
}

/** Replies whose thread cannot be found (deleted, or not readable by this user): kept, not dropped. */
export interface OrphanedReplies {
  /** The annotation they reply to, which is missing. */
  readonly missingId: string
  readonly replies: readonly Annotation[]
}

export interface ThreadGrouping {
  readonly threads: readonly AnnotationThread[]
  readonly orphanedReplies: readonly OrphanedReplies[]
}

/** Threads in reading order: by where their passage starts, then by creation. */
function byPassage(a: AnnotationThread, b: AnnotationThread): number {
  return passageStart(a) - passageStart(b) || byCreation(a.root, b.root)
}

// Not a closure inside byPassage: sorting thousands of threads would make one per comparison.
function passageStart(thread: AnnotationThread): number {
  return thread.root.anchor?.position.start ?? Infinity
}

type Parent = { readonly root: Annotation } | { readonly missingId: string }

/**
 * Groups annotations into threads. Replies are flat under their root; a reply to a reply (as
 * another app may write) joins its parent's thread. A reply whose chain leads to a missing
 * annotation, or round in a circle, is grouped under the missing id.
 */
export function groupThreads(annotations: readonly Annotation[]): ThreadGrouping {
  const byId = new Map(annotations.map((annotation) => [annotation.id, annotation]))
  const parentOf = (reply: Annotation): Parent => {
    // Nearly every reply answers its thread's root: found without following a chain.
    const direct = byId.get(reply.replyTo ?? '')
    if (direct !== undefined && direct.kind !== 'reply') return { root: direct }
    const seen = new Set<string>([reply.id])
    let current = reply
    while (current.kind === 'reply') {
      const parentId = current.replyTo ?? ''
      const parent = byId.get(parentId)
      if (parent === undefined || seen.has(parentId)) return { missingId: parentId }
      seen.add(parentId)
      current = parent
    }
    return { root: current }
  }

  const replies = new Map<string, Annotation[]>()
  const orphans = new Map<string, Annotation[]>()
  for (const annotation of annotations) {
    if (annotation.kind !== 'reply') continue
    const parent = parentOf(annotation)
    const [groups, key] = 'root' in parent ? [replies, parent.root.id] : [orphans, parent.missingId]
    const group = groups.get(key)
    if (group) group.push(annotation)
    else groups.set(key, [annotation])
  }

  const threads = annotations
    .filter((annotation) => annotation.kind !== 'reply')
    .map((root) => ({ root, replies: (replies.get(root.id) ?? []).sort(byCreation) }))
    .sort(byPassage)
  const orphanedReplies = [...orphans]
    .map(([missingId, group]) => ({ missingId, replies: group.sort(byCreation) }))
    .sort((a, b) => byCreation(a.replies[0] as Annotation, b.replies[0] as Annotation))
  return { threads, orphanedReplies }
}

/** Where an annotation sits in a grouping: which thread or orphan group, and which reply. */
interface Place {
  readonly list: 'threads' | 'orphanedReplies'
  readonly group: number
  /** -1 for a thread's root. */
  readonly reply: number
}

/** A grouping together with what it was made from, so that it can be patched after edits. */
export interface IndexedThreads {
  readonly from: readonly Annotation[]
  readonly grouping: ThreadGrouping
  readonly places: ReadonlyMap<string, Place>
}

export function indexThreads(annotations: readonly Annotation[]): IndexedThreads {
  const grouping = groupThreads(annotations)
  const places = new Map<string, Place>()
  grouping.threads.forEach((thread, group) => {
    places.set(thread.root.id, { list: 'threads', group, reply: -1 })
    thread.replies.forEach((reply, index) => {
      places.set(reply.id, { list: 'threads', group, reply: index })
    })
  })
  grouping.orphanedReplies.forEach((orphans, group) => {
    orphans.replies.forEach((reply, index) => {
      places.set(reply.id, { list: 'orphanedReplies', group, reply: index })
    })
  })
  return { from: annotations, grouping, places }
}

/** Whether an edit leaves the annotation where it was in the grouping and its order. */
function samePlace(before: Annotation, after: Annotation): boolean {
  return (
    before.id === after.id &&
    (before.kind === 'reply') === (after.kind === 'reply') &&
    before.replyTo === after.replyTo &&
    before.createdAt === after.createdAt &&
    before.anchor?.position.start === after.anchor?.position.start
  )
}

/**
 * Regroups `annotations` by patching `previous` when they are the same annotations in the same
 * order, only edited in ways that move nothing (the usual change: a body typed, a colour or
 * tag changed); otherwise groups them anew. Unchanged threads keep their objects.
 */
export function regroupThreads(
  previous: IndexedThreads | null,
  annotations: readonly Annotation[],
): IndexedThreads {
  if (previous === null || previous.from.length !== annotations.length) {
    return indexThreads(annotations)
  }
  const edited: Annotation[] = []
  for (let index = 0; index < annotations.length; index += 1) {
    const before = previous.from[index] as Annotation
    const after = annotations[index] as Annotation
    if (before === after) continue
    if (!samePlace(before, after)) return indexThreads(annotations)
    edited.push(after)
  }
  if (edited.length === 0) return { ...previous, from: annotations }
  const threads = [...previous.grouping.threads]
  const orphanedReplies = [...previous.grouping.orphanedReplies]
  for (const annotation of edited) {
    const place = previous.places.get(annotation.id)
    if (place === undefined) return indexThreads(annotations)
    if (place.list === 'threads') {
      const thread = threads[place.group] as AnnotationThread
      threads[place.group] =
        place.reply === -1
          ? { root: annotation, replies: thread.replies }
          : { root: thread.root, replies: thread.replies.with(place.reply, annotation) }
    } else {
      const orphans = orphanedReplies[place.group] as OrphanedReplies
      orphanedReplies[place.group] = {
        missingId: orphans.missingId,
        replies: orphans.replies.with(place.reply, annotation),
      }
    }
  }
  return { from: annotations, grouping: { threads, orphanedReplies }, places: previous.places }
}
