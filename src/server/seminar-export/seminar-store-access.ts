import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import { ExitCode, HamishError } from '../hamish-error'
import { DocumentStore } from '../seminar/document-store'
import { DATABASE_FILE_NAME, openSeminarDatabase } from '../seminar/seminar-database'
import { SeminarRecords } from '../seminar/seminar-records'

/** A seminar server's store, opened by a command while no server runs on it. */
export interface SeminarStoreAccess {
  readonly db: DatabaseSync
  readonly records: SeminarRecords
  readonly documents: DocumentStore
  close(): void
}

/**
 * Opens the store of an existing data folder. It takes the same exclusive lock as the server
 * (`openSeminarDatabase`): a command writing while a server keeps its own copy of every document
 * in memory would have its writes overwritten by the server's next compaction, so a running
 * server is refused rather than raced.
 */
export function openExistingSeminarStore(dataDir: string): SeminarStoreAccess {
  const folder = resolve(dataDir)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new HamishError(`the data folder "${folder}" does not exist.`, ExitCode.noInput)
  }
  if (!existsSync(join(folder, DATABASE_FILE_NAME))) {
    throw new HamishError(
      `"${folder}" holds no seminars (no ${DATABASE_FILE_NAME}): pass the folder "hamish serve --data" used.`,
      ExitCode.noInput,
    )
  }
  let db: DatabaseSync
  try {
    db = openSeminarDatabase(folder)
  } catch (error) {
    if (error instanceof HamishError && error.exitCode === ExitCode.unavailable) {
      throw new HamishError(
        `the seminar server is running on "${folder}": stop it, or export from the app.`,
        ExitCode.unavailable,
        { cause: error },
      )
    }
    throw error
  }
  return {
    db,
    records: new SeminarRecords(db),
    documents: new DocumentStore(db),
    close: () => db.close(),
  }
}
