/**
 * The address a request really came from. Next.js keeps a client's own X-Forwarded-For header, so
 * route handlers cannot tell a spoofed address from a real one; the CMS server (scripts/cms-server.ts)
 * works the address out from the socket and the proxies it is told to trust, and passes it on in
 * CLIENT_IP_HEADER, replacing anything a client sent under that name.
 */
export const CLIENT_IP_HEADER = 'x-csp-hub-client-ip'

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
const normalise = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').toLowerCase()

/** TRUSTED_PROXIES: comma-separated addresses of the reverse proxies in front of the CMS. */
export const trustedProxies = (value = process.env.TRUSTED_PROXIES ?? ''): Set<string> =>
  new Set(value.split(',').map(normalise).filter(Boolean))

/**
 * Walks the chain from the socket backwards, past the trusted proxies only: the first address a
 * trusted proxy did not add itself is the client. With no trusted proxies, the socket address.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: Set<string>): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map(normalise)
    .filter(Boolean)
  const chain = [...forwarded, normalise(socketAddress ?? 'unknown')]
  let index = chain.length - 1
  while (index > 0 && trusted.has(chain[index]!)) index--
  return chain[index]!
}
