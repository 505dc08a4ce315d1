import { describe, expect, it } from 'vitest'
import { isPermissionAllowed } from './permission-policy'

describe('isPermissionAllowed', () => {
  it.each(['local-network-access', 'local-network', 'loopback-network'])(
    'lets the app reach seminar servers on the network (%s)',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://hamish/index.html')).toBe(true)
      expect(isPermissionAllowed(permission, 'app://hamish')).toBe(true)
    },
  )

  it('lets the app copy text, and never read the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://hamish/index.html')).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(isPermissionAllowed('clipboard-read', 'app://hamish/index.html')).toBe(false)
  })

  it('gives the network permissions to no other page', () => {
    for (const url of [
      'https://evil.example/',
      'http://192.168.1.20:4321/',
      'file:///a.html',
      undefined,
    ]) {
      expect(isPermissionAllowed('local-network-access', url)).toBe(false)
    }
  })

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown'])(
    'refuses %s, even to the app',
    (permission) => {
      expect(isPermissionAllowed(permission, 'app://hamish/index.html')).toBe(false)
    },
  )
})
