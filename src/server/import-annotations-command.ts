import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import * as Y from 'yjs'
import { buildArticleTextIndex } from '../core/anchoring'
import type { Annotation } from '../core/annotations/annotation'
import { AnnotationStore } from '../core/annotations/annotation-store'
import { ARTICLE_CONTENT_FRAGMENT } from '../core/seminar/article-doc-seed'
import { docName } from '../core/seminar/doc-names'
import {
  AnnotationImportError,
  fromW3C,
  MAX_ANNOTATION_IMPORT_CHARS,
  type ImportReport,
} from '../core/w3c'
import { writeStdout } from './cli-output'
import { errorCode } from './error-code'
import { ExitCode, HamishError } from './hamish-error'
import {
  findMember,
  loadStoredDoc,
  readSeminarContents,
  visibleAnnotations,
} from './seminar-export/seminar-contents'
import {
  ImportClock,
  writeImportedAnnotations,
  type WriteOutcome,
} from '../core/w3c/imported-annotation-writer'
import { openExistingSeminarStore } from './seminar-export/seminar-store-access'
import { inTransaction } from './seminar/seminar-database'

/** A UTF-8 file this large holds more characters than `fromW3C` reads: refused unread. */
const MAX_IMPORT_FILE_BYTES = MAX_ANNOTATION_IMPORT_CHARS * 2

export interface ImportAnnotationsOptions {
  readonly data: string
  readonly seminar: string
  readonly user: string
  readonly file: string
}

export interface ImportAnnotationsResult {
  readonly report: ImportReport
  readonly outcome: WriteOutcome
}

/** `hamish import-annotations`: W3C or Hypothesis JSON into a member's notes, and a report. */
export async function runImportAnnotations(options: ImportAnnotationsOptions): Promise<void> {
  const result = importAnnotations(options)
  await writeStdout(importReportText(result))
}

/**
 * Reads the file, anchors its annotations in the seminar's article and stores the anchored ones
 * in the user's documents, in one transaction, as the server itself appends updates.
 */
export function importAnnotations(options: ImportAnnotationsOptions): ImportAnnotationsResult {
  const json = readImportFile(options.file)
  const store = openExistingSeminarStore(options.data)
  try {
    const contents = readSeminarContents(store, options.seminar)
    const member = findMember(contents, options.user)
    let parsed: ReturnType<typeof fromW3C>
    try {
      parsed = fromW3C(json, {
        article: contents.article,
        user: { id: member.userId, name: member.name },
      })
    } catch (error) {
      if (error instanceof AnnotationImportError) {
        throw new HamishError(`"${resolve(options.file)}": ${error.message}`, ExitCode.dataError)
      }
      throw error
    }

    const articleDoc = loadStoredDoc(
      store,
      docName({ kind: 'article', seminarId: contents.seminar.id }),
    )
    const fragment = articleDoc.getXmlFragment(ARTICLE_CONTENT_FRAGMENT)
    const names = {
      private: docName({
        kind: 'user',
        seminarId: contents.seminar.id,
        userId: member.userId,
        scope: 'private',
      }),
      instructors: docName({
        kind: 'user',
        seminarId: contents.seminar.id,
        userId: member.userId,
        scope: 'instructor',
      }),
      class: docName({
        kind: 'user',
        seminarId: contents.seminar.id,
        userId: member.userId,
        scope: 'class',
      }),
    }
    const docs = {
      private: loadStoredDoc(store, names.private),
      instructors: loadStoredDoc(store, names.instructors),
      class: loadStoredDoc(store, names.class),
    }
    const updates = new Map<Y.Doc, Uint8Array[]>()
    for (const doc of Object.values(docs)) {
      updates.set(doc, [])
      doc.on('update', (update: Uint8Array) => updates.get(doc)?.push(update))
    }
    const existing = new Map<string, Annotation>(
      visibleAnnotations(store, contents, member).annotations.map((annotation) => [
        annotation.id,
        annotation,
      ]),
    )
    const clock = new ImportClock()
    const annotationStore = new AnnotationStore({
      userId: member.userId,
      userName: member.name,
      docs,
      now: clock.now,
    })
    const outcome = writeImportedAnnotations(parsed.imported, {
      store: annotationStore,
      clock,
      fragment,
      index: buildArticleTextIndex(contents.article.content),
      articleHash: contents.seminar.contentHash,
      existing,
    })
    annotationStore.destroy()
    inTransaction(store.db, () => {
      for (const visibility of ['private', 'instructors', 'class'] as const) {
        const parts = updates.get(docs[visibility]) ?? []
        if (parts.length > 0) store.documents.append(names[visibility], Y.mergeUpdates(parts))
      }
    })
    return { report: parsed.report, outcome }
  } finally {
    store.close()
  }
}

function readImportFile(file: string): string {
  const path = resolve(file)
  try {
    if (statSync(path).size > MAX_IMPORT_FILE_BYTES) {
      throw new HamishError(
        `"${path}" is too large to be annotations (over ${MAX_IMPORT_FILE_BYTES / 1_000_000} MB).`,
        ExitCode.dataError,
      )
    }
    return readFileSync(path, 'utf8')
  } catch (error) {
    if (error instanceof HamishError) throw error
    const reason =
      errorCode(error) === 'ENOENT'
        ? 'no such file'
        : error instanceof Error
          ? error.message
          : String(error)
    throw new HamishError(`cannot read "${path}": ${reason}.`, ExitCode.noInput, { cause: error })
  }
}

const QUOTE_CHARS = 60

/** The report, one fact per line: what was stored, and what was not and why. */
export function importReportText({ report, outcome }: ImportAnnotationsResult): string {
  const lines = [`${outcome.written.length} imported`]
  lines.push(`${report.unanchored.length} not anchored`)
  for (const item of report.unanchored) {
    lines.push(`  ${item.quote === null ? item.id : `"${truncate(item.quote)}"`} (${item.reason})`)
  }
  lines.push(`${report.otherArticle.length} for another article`)
  for (const item of report.otherArticle) lines.push(`  ${item.id} (${item.reason})`)
  lines.push(`${report.invalid.length + outcome.refused.length} invalid`)
  for (const item of report.invalid) lines.push(`  item ${item.index + 1}: ${item.problem}`)
  for (const item of outcome.refused) lines.push(`  ${item.id}: ${item.problem}`)
  return `${lines.join('\n')}\n`
}

function truncate(quote: string): string {
  const flat = quote.replace(/\s+/gu, ' ').trim()
  const chars = [...flat]
  return chars.length <= QUOTE_CHARS ? flat : `${chars.slice(0, QUOTE_CHARS - 1).join('')}…`
}
