import { describe, expect, it } from 'vitest'
import { clientIp, trustedProxies } from './client-ip'

describe('client address', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientIp('203.0.113.7', '198.51.100.1', trustedProxies(''))).toBe('203.0.113.7')
    expect(clientIp('::ffff:127.0.0.1', undefined, trustedProxies(''))).toBe('127.0.0.1')
  })

  it('believes X-Forwarded-For only as far back as the trusted proxies go', () => {
    const trusted = trustedProxies('10.0.0.2, 10.0.0.3')
    expect(clientIp('10.0.0.2', '198.51.100.1', trusted)).toBe('198.51.100.1')
    // A client that sends its own header cannot hide behind it: the proxy appends the real address.
    expect(clientIp('10.0.0.2', 'spoofed, 198.51.100.1', trusted)).toBe('198.51.100.1')
    expect(clientIp('10.0.0.2', ['spoofed', '198.51.100.1, 10.0.0.3'], trusted)).toBe('198.51.100.1')
    // A request straight to the CMS, not through the proxy: its header is ignored.
    expect(clientIp('203.0.113.7', '198.51.100.1', trusted)).toBe('203.0.113.7')
  })
})
