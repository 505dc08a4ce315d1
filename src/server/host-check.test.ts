import { describe, expect, it } from 'vitest'
import { isTrustedHostHeader } from './host-check'

describe('isTrustedHostHeader', () => {
  it.each([
    '127.0.0.1:4321',
    'localhost:4321',
    'LOCALHOST',
    '[::1]:4321',
    'app.localhost:1',
    '127.1.2.3',
  ])('lets a loopback server answer %s', (host) => {
    expect(isTrustedHostHeader(host, '127.0.0.1')).toBe(true)
  })

  it.each([
    'evil.example:4321',
    'evil.example',
    '192.168.1.5:4321',
    'localhost.evil.example',
    '127.0.0.1.evil.example',
  ])('keeps a loopback server from answering %s (DNS rebinding)', (host) => {
    expect(isTrustedHostHeader(host, '127.0.0.1')).toBe(false)
    expect(isTrustedHostHeader(host, 'localhost')).toBe(false)
    expect(isTrustedHostHeader(host, '::1')).toBe(false)
  })

  it('lets a server on a network address answer any name the network knows it by', () => {
    expect(isTrustedHostHeader('seminar-room.lan:4321', '0.0.0.0')).toBe(true)
    expect(isTrustedHostHeader('192.168.1.5:4321', '192.168.1.5')).toBe(true)
  })

  it('answers a request without a Host header (HTTP/1.0 tools, never a browser)', () => {
    expect(isTrustedHostHeader(undefined, '127.0.0.1')).toBe(true)
  })
})
