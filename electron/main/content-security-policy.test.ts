import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, securityHeaders } from './content-security-policy'

function directive(name: string): string | undefined {
  return CONTENT_SECURITY_POLICY.split('; ').find((part) => part.startsWith(`${name} `))
}

describe('content security policy', () => {
  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'")
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'")
    expect(directive('script-src')).toBe("script-src 'self'")
  })

  it('shuts off plugins, base tags, framing and form posts', () => {
    expect(directive('object-src')).toBe("object-src 'none'")
    expect(directive('base-uri')).toBe("base-uri 'none'")
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(directive('form-action')).toBe("form-action 'none'")
  })

  it('lets the renderer reach a seminar server on any computer, and load nothing from the network', () => {
    expect(directive('connect-src')).toBe("connect-src 'self' http: https: ws: wss:")
    expect(directive('font-src')).toBe("font-src 'self'")
    expect(directive('default-src')).toBe("default-src 'self'")
    const others = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('connect-src '))
    for (const other of others) expect(other).not.toMatch(/\b(https?|wss?):/)
  })

  it('is one header line with each directive once', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n]/)
    const names = CONTENT_SECURITY_POLICY.split('; ').map((part) => part.split(' ')[0])
    expect(new Set(names).size).toBe(names.length)
  })

  it('goes with every response the app protocol sends', () => {
    expect(securityHeaders('text/html')['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(securityHeaders('text/html')['X-Content-Type-Options']).toBe('nosniff')
  })
})
