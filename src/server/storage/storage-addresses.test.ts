import { createServer, type AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { HamishError } from '../hamish-error'
import { parsePostgresUrl, redactedAddress } from './postgres/postgres-address'
import { openRedisSync, parseRedisUrl } from './redis-sync'

describe('parsePostgresUrl', () => {
  it('takes postgres:// and postgresql:// addresses, and hides the password in messages', () => {
    const url = parsePostgresUrl(
      'postgresql://hamish:s3cret@db.example:5432/hamish?sslmode=require',
    )
    expect(url.hostname).toBe('db.example')
    expect(redactedAddress(url)).toBe('postgresql://hamish:***@db.example:5432/hamish')
    expect(redactedAddress(parsePostgresUrl('postgres://db/hamish'))).toBe('postgres://db/hamish')
  })

  it.each([
    ['not a URL', 'hamish on db.example', /such as postgres:\/\//],
    ['another scheme', 'mysql://db/hamish', /starts with postgres:\/\//],
    ['no host', 'postgres:///hamish', /names no host/],
  ])('refuses %s', (_, value, message) => {
    expect(() => parsePostgresUrl(value)).toThrow(message)
  })
})

describe('parseRedisUrl', () => {
  it('takes redis:// and rediss:// addresses with an optional database number', () => {
    expect(parseRedisUrl('redis://cache:6379/2').pathname).toBe('/2')
    expect(parseRedisUrl('rediss://user:pw@cache').protocol).toBe('rediss:')
  })

  it.each([
    ['another scheme', 'http://cache:6379', /starts with redis:\/\//],
    ['a path that is not a number', 'redis://cache:6379/main', /database number/],
    ['not a URL', 'cache:port', /such as redis:\/\/|starts with redis/],
  ])('refuses %s', (_, value, message) => {
    expect(() => parseRedisUrl(value)).toThrow(message)
  })
})

describe('openRedisSync', () => {
  it('says in one sentence when Redis cannot be reached, without the password', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const error = await openRedisSync(new URL(`redis://:pw@127.0.0.1:${port}`)).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(HamishError)
    expect((error as HamishError).message).toBe(
      `cannot reach Redis at redis://:***@127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}): check --redis, and that Redis is running.`,
    )
  })
})
