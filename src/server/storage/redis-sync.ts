import type { Redis as RedisExtension } from '@hocuspocus/extension-redis'
import { setTimeout as sleep } from 'node:timers/promises'
import { ExitCode, HamishError } from '../hamish-error'

/** How long a server waits at start for Redis to answer before it gives up with a message. */
const REDIS_ANSWER_MS = 5000
/** See `disconnectDelay` below. */
const DISCONNECT_DELAY_MS = 200
/** How long shutdown waits for Redis to acknowledge its QUIT. */
const QUIT_WAIT_MS = 1000

/**
 * An address as `--redis` takes it: `redis://[user:password@]host[:port][/db]`, or `rediss://`
 * for TLS. Parsed here so a typo is a usage error before anything is opened.
 */
export function parseRedisUrl(value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TypeError('Give a Redis address such as redis://cache.example:6379.')
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new TypeError('A Redis address starts with redis:// or rediss://.')
  }
  if (url.hostname === '')
    throw new TypeError('The Redis address names no host: redis://HOST:6379.')
  const db = url.pathname.replace(/^\//, '')
  if (db !== '' && !/^\d+$/.test(db)) {
    throw new TypeError(
      'A Redis address ends with a database number, if anything: redis://host:6379/0.',
    )
  }
  return url
}

/**
 * Hocuspocus's Redis extension on the given address: every change a server applies to a
 * document is passed to the other servers that have it open (and awareness with it), so that
 * clients on different servers edit one document. Checked at start: an unreachable Redis is a
 * one-line error, not a server that silently keeps its changes to itself.
 */
export async function openRedisSync(url: URL): Promise<RedisExtension> {
  // Loaded only when asked for: a server without --redis does not pay for it at start.
  const { Redis } = await import('@hocuspocus/extension-redis')
  /**
   * Without the extension's store lock: compaction merges under a PostgreSQL lock (see
   * `PostgresDocumentStorage.compact`), so two servers compacting at once is safe, and the lock
   * would only make the second skip its compaction and log that it did.
   */
  class RedisSync extends Redis {
    override async onStoreDocument(): Promise<void> {}

    /** Shutdown does not wait on a Redis that is gone: its QUIT would wait for a reconnection. */
    override async onDestroy(): Promise<void> {
      await Promise.race([super.onDestroy(), sleep(QUIT_WAIT_MS)])
      this.pub.disconnect(false)
      this.sub.disconnect(false)
    }
  }
  const where = redactedRedisAddress(url)
  const db = url.pathname.replace(/^\//, '')
  const extension = new RedisSync({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 6379 : Number(url.port),
    prefix: 'hamish',
    // How long a server keeps a document after its last change before letting it go, so that
    // the other servers get that change from it (two Redis round trips: a few milliseconds on
    // one network). The default, a second, made every join and removal take two seconds, as the
    // roster's server-side write waits for it twice.
    disconnectDelay: DISCONNECT_DELAY_MS,
    options: {
      ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
      ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
      ...(db === '' ? {} : { db: Number(db) }),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
      connectTimeout: REDIS_ANSWER_MS,
    },
  })
  reportOutages(extension, where)
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      extension.pub.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer')), REDIS_ANSWER_MS)
        // ioredis would retry for ever: the first failure is the answer at start.
        extension.pub.once('error', reject)
      }),
    ])
  } catch (error) {
    // Not `onDestroy`: its QUIT waits in ioredis's queue for a connection that never comes.
    extension.pub.disconnect(false)
    extension.sub.disconnect(false)
    throw new HamishError(
      `cannot reach Redis at ${where} (${error instanceof Error ? error.message : String(error)}): check --redis, and that Redis is running.`,
      ExitCode.unavailable,
      { cause: error },
    )
  } finally {
    clearTimeout(timer)
  }
  return extension
}

/**
 * ioredis reconnects by itself and reports each failed attempt as an `error` event; unheard,
 * each would print a stack. One line per outage says what is happening instead.
 */
function reportOutages(extension: RedisExtension, where: string): void {
  for (const client of [extension.pub, extension.sub]) {
    let down = false
    client.on('error', (error: Error) => {
      if (down) return
      down = true
      process.stderr.write(
        `hamish: lost Redis at ${where} (${error.message}); retrying. Changes reach clients on this server only until it is back.\n`,
      )
    })
    client.on('ready', () => {
      down = false
    })
  }
}

function redactedRedisAddress(url: URL): string {
  const shown = new URL(url.href)
  if (shown.password !== '') shown.password = '***'
  return shown.href
}
