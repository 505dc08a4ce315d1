import type { Extension, beforeSyncPayload, onAuthenticatePayload } from '@hocuspocus/server'
import { writeStderrLine } from '../cli-output'
import type { SeminarApiHandler } from './seminar-api-handler'
import { SyncRefusal, type SyncContext } from './sync-context'

/**
 * What the seminar server turned away, one event per refusal, so that an operator can see an
 * attack (or a broken client) in the server's output. Refusals that answer the client (an HTTP
 * error, a refused token) are logged here too, because the client's answer is not the host's.
 */
export type SecurityEvent =
  | { kind: 'sync-refused'; documentName: string; reason: string }
  | { kind: 'read-only-write'; documentName: string; userId: string }
  | { kind: 'awareness-dropped'; documentName: string; userId: string; clientId: number }
  | { kind: 'awareness-claim'; documentName: string; userId: string; claimed: string }
  | { kind: 'too-many-messages'; userId: string | null }
  | { kind: 'message-too-big'; reason: string }
  | { kind: 'unappliable-changes'; documentName: string; bytes: number }
  | { kind: 'awareness-too-big'; documentName: string; bytes: number }
  | { kind: 'api-refused'; method: string; path: string; status: number; address: string }

export type SecurityLog = (event: SecurityEvent) => void

/** `hamish: refused <kind>: key=value …` on stderr: one line, greppable. */
export const stderrSecurityLog: SecurityLog = (event) => {
  const { kind, ...details } = event
  const fields = Object.entries(details).map(([key, value]) => `${key}=${JSON.stringify(value)}`)
  writeStderrLine(`hamish: refused ${kind}: ${fields.join(' ')}`)
}

/** Logs the sync refusals an extension's `onAuthenticate` throws, and rethrows them. */
export function loggingRefusals<T extends Extension>(extension: T, log: SecurityLog): T {
  const authenticate = extension.onAuthenticate?.bind(extension)
  if (!authenticate) return extension
  extension.onAuthenticate = async (data: onAuthenticatePayload) => {
    try {
      return (await authenticate(data)) as unknown
    } catch (error) {
      if (error instanceof SyncRefusal) {
        log({ kind: 'sync-refused', documentName: data.documentName, reason: error.reason })
      }
      throw error
    }
  }
  return extension
}

/**
 * Hocuspocus answers an update on a read-only connection with "not applied" and says nothing
 * else; a member whose client keeps writing there is either broken or trying, worth a line.
 */
export class ReadOnlyWriteLogExtension implements Extension {
  readonly extensionName = 'hamish-read-only-write-log'

  constructor(private readonly log: SecurityLog) {}

  async beforeSync({ connection, context, documentName, type }: beforeSyncPayload<SyncContext>) {
    const YJS_UPDATE = 2
    if (type !== YJS_UPDATE || !connection?.readOnly) return
    this.log({ kind: 'read-only-write', documentName, userId: context?.user.userId ?? '?' })
  }
}

/** API answers that turn someone away: a bad token, no right, too big, too many tries. */
const REFUSAL_STATUSES = new Set([401, 403, 413, 429])

/** Logs the seminar API's refusals once their answer has gone out. */
export function loggingApiRefusals(handle: SeminarApiHandler, log: SecurityLog): SeminarApiHandler {
  return (req, res, pathname) => {
    res.once('finish', () => {
      if (!REFUSAL_STATUSES.has(res.statusCode)) return
      log({
        kind: 'api-refused',
        method: req.method ?? '?',
        path: pathname,
        status: res.statusCode,
        address: req.socket.remoteAddress ?? 'unknown',
      })
    })
    handle(req, res, pathname)
  }
}
