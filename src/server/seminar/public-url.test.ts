import { describe, expect, it } from 'vitest'
import { publicBaseUrl } from './public-url'

const lan = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [
    { address: 'fe80::1', family: 'IPv6', internal: false },
    { address: '192.168.1.20', family: 'IPv4', internal: false },
  ],
} as unknown as Parameters<typeof publicBaseUrl>[1]

describe('publicBaseUrl', () => {
  it('puts the LAN address in place of a wildcard listen address', () => {
    expect(publicBaseUrl('http://0.0.0.0:4321/', lan)).toBe('http://192.168.1.20:4321/')
    expect(publicBaseUrl('http://[::]:4321/', lan)).toBe('http://192.168.1.20:4321/')
  })

  it('keeps any other address, and falls back to loopback with no network', () => {
    expect(publicBaseUrl('http://127.0.0.1:4321/', lan)).toBe('http://127.0.0.1:4321/')
    expect(publicBaseUrl('http://10.0.0.5:80/', lan)).toBe('http://10.0.0.5/')
    expect(publicBaseUrl('http://0.0.0.0:4321/', {})).toBe('http://127.0.0.1:4321/')
  })
})
