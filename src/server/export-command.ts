import { realpathSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import type { ExportInput, MarkdownShape, SeminarRole } from '../core/export'
import { exportMarkdown, exportSummaryCsv } from '../core/export'
import { toW3C } from '../core/w3c'
import { writeStdout } from './cli-output'
import { ExitCode, HamishError } from './hamish-error'
import { findHamishPackage } from './package-root'
import { writeFileAtomically } from './seminar-export/atomic-output'
import {
  findMember,
  readSeminarContents,
  visibleAnnotations,
} from './seminar-export/seminar-contents'
import { openExistingSeminarStore } from './seminar-export/seminar-store-access'
import { withSeminarSnapshot } from './storage/postgres/postgres-snapshot'
import { DATABASE_FILE_NAME } from './seminar/seminar-database'
import { ADMIN_TOKEN_FILE_NAME, TOKEN_SECRET_FILE_NAME } from './seminar/server-secrets'

export const EXPORT_FORMATS = ['md', 'md-seminar', 'md-collection', 'w3c', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const MARKDOWN_SHAPES: Readonly<Partial<Record<ExportFormat, MarkdownShape>>> = {
  md: 'my-notes',
  'md-seminar': 'seminar-notes',
  'md-collection': 'instructor-collection',
}

export interface ExportCommandOptions {
  readonly data: string
  readonly seminar: string
  readonly format: ExportFormat
  /** Whose export: what they may read, and for `md` whose notes. Without it, an instructor's view. */
  readonly user?: string | undefined
  readonly out?: string | undefined
  readonly now?: (() => Date) | undefined
}

/** Where `hamish export` reads: a data folder (SQLite), or a PostgreSQL database. */
export type ExportSource =
  | { readonly data: string; readonly database?: undefined }
  | { readonly data?: undefined; readonly database: URL }

/** `hamish export`: a seminar's annotations from the store, on stdout or in `--out`. */
export async function runExport(
  options: Omit<ExportCommandOptions, 'data'> & ExportSource,
): Promise<void> {
  const version = findHamishPackage().version
  let text: string
  if (options.database) {
    const { database, ...rest } = options
    text = await withSeminarSnapshot(database, options.seminar, (data) =>
      seminarExport({ ...rest, data }, version),
    )
  } else {
    if (options.out !== undefined) refuseServerFile(options.out, options.data)
    text = seminarExport(options, version)
  }
  if (options.out === undefined) await writeStdout(text)
  else writeFileAtomically(options.out, text)
}

/**
 * `--out` names the file to replace, and the data folder is one command-line argument away:
 * an export written over the database (or its journal, or a secret) would destroy every seminar.
 */
function refuseServerFile(out: string, dataDir: string): void {
  const target = resolve(out)
  const name = basename(target)
  const serverOwns =
    name.startsWith(DATABASE_FILE_NAME) ||
    name === TOKEN_SECRET_FILE_NAME ||
    name === ADMIN_TOKEN_FILE_NAME
  if (serverOwns && realPath(dirname(target)) === realPath(resolve(dataDir))) {
    throw new HamishError(
      `will not write "${target}": it is the seminar server's own file in its data folder; choose another --out.`,
      ExitCode.usage,
    )
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/** The export as text, read from the store of a stopped server. */
export function seminarExport(options: ExportCommandOptions, exporterVersion: string): string {
  if (options.format === 'md' && options.user === undefined) {
    throw new HamishError(
      '"--format md" exports one member\'s notes: pass --user <id>.',
      ExitCode.usage,
    )
  }
  const store = openExistingSeminarStore(options.data)
  try {
    const contents = readSeminarContents(store, options.seminar)
    const viewer = options.user === undefined ? null : findMember(contents, options.user)
    const { annotations } = visibleAnnotations(store, contents, viewer)
    const roles: Record<string, SeminarRole> = {}
    for (const member of contents.members) roles[member.userId] = member.role
    const input: ExportInput = {
      article: contents.article,
      annotations,
      me: viewer?.userId,
      seminar: { id: contents.seminar.id, title: contents.seminar.title },
      roles,
      anonymizeFor:
        viewer?.role === 'student' && contents.seminar.settings.anonymousToPeers
          ? 'students'
          : null,
      exportedAt: (options.now ?? (() => new Date()))(),
      exporterVersion,
    }
    const shape = MARKDOWN_SHAPES[options.format]
    if (shape !== undefined) {
      return exportMarkdown(input, {
        shape,
        groupBy: 'section',
        includeHighlights: true,
        includeResolved: true,
        includeNotebook: false,
      })
    }
    if (options.format === 'csv') return exportSummaryCsv(input)
    const collection = toW3C(annotations, {
      article: contents.article,
      exporterVersion,
      exportedAt: input.exportedAt,
    })
    return `${JSON.stringify(collection, null, 2)}\n`
  } finally {
    store.close()
  }
}
