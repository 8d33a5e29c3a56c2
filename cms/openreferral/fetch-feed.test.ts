import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { fetchFeedJson, nonPublicKind } from './fetch-feed'

describe('nonPublicKind', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['[::1]', 'a loopback address'],
    ['10.20.30.40', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['fd12:3456::1', 'a unique-local address'],
    ['fc00::', 'a unique-local address'],
    ['0.0.0.0', 'an unspecified ("this network") address'],
    ['::', 'an unspecified address'],
    ['::ffff:127.0.0.1', 'a loopback address (IPv4 inside IPv6)'],
    ['::ffff:7f00:1', 'a loopback address (IPv4 inside IPv6)'],
    ['::ffff:10.0.0.1', 'a private address (IPv4 inside IPv6)'],
    ['::ffff:a9fe:a9fe', 'a link-local address (IPv4 inside IPv6)'],
    ['64:ff9b::c0a8:101', 'a private address (IPv4 inside IPv6)'],
    ['::127.0.0.1', 'a reserved address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['192.0.2.10', 'a documentation address'],
    ['2001:db8::1', 'a documentation address'],
    ['224.0.0.251', 'a multicast address'],
    ['ff02::1', 'a multicast address'],
    ['255.255.255.255', 'a reserved address'],
    ['example.org', 'not an IP address'],
  ])('%s is %s', (address, kind) => {
    expect(nonPublicKind(address)).toBe(kind)
  })

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::6810:85e5', '::ffff:93.184.215.14', '64:ff9b::808:808'])('%s is public', (address) => {
    expect(nonPublicKind(address)).toBeUndefined()
  })
})

describe('fetchFeedJson', () => {
  const servers: Server[] = []
  afterEach(() => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections()
      server.close()
    }
  })
  const serve = async (handle: RequestListener) => {
    const server = createServer(handle)
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return (server.address() as AddressInfo).port
  }
  /** A resolver for made-up names; the test server's 127.0.0.1 is the one non-public address allowed. */
  const names: Record<string, string[]> = { 'feed.test': ['127.0.0.1'], 'intranet.test': ['10.0.0.7'], 'mixed.test': ['93.184.215.14', '192.168.0.9'] }
  const lookup = async (hostname: string) => (names[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  const options = { lookup, allowAddress: (a: string) => a === '127.0.0.1', timeoutMs: 2_000 }

  it('connects to the address the checked lookup gave (a name is resolved once, by the connection)', async () => {
    let asked = 0
    const port = await serve((_req, res) => res.end('{"ok":true}'))
    const counting = async (hostname: string) => (asked++, lookup(hostname))
    expect(await fetchFeedJson(`http://feed.test:${port}/`, { ...options, lookup: counting })).toEqual({ ok: true })
    expect(asked).toBe(1)
  })

  it('refuses a name that resolves to any non-public address, before connecting', async () => {
    await expect(fetchFeedJson('http://mixed.test/feed', options)).rejects.toThrow('http://mixed.test/feed resolves to 192.168.0.9, a private address; refusing.')
    await expect(fetchFeedJson('http://intranet.test/feed', options)).rejects.toThrow('resolves to 10.0.0.7, a private address')
  })

  it('re-checks every redirect: a name resolving to a private address, a non-http scheme, too many hops', async () => {
    let hits = 0
    const port = await serve((req, res) => {
      hits++
      const to = { '/to-intranet': 'http://intranet.test/x', '/to-ftp': 'ftp://feed.test/x', '/relative': '/done', '/loop': '/loop' }[req.url!]
      if (to) res.writeHead(301, { Location: to }).end()
      else res.end('{"done":true}')
    })
    const at = (path: string) => `http://feed.test:${port}${path}`
    await expect(fetchFeedJson(at('/to-intranet'), options)).rejects.toThrow(
      `The feed at ${at('/to-intranet')} redirected to http://intranet.test/x, whose host resolves to 10.0.0.7, a private address; refusing.`,
    )
    await expect(fetchFeedJson(at('/to-ftp'), options)).rejects.toThrow(/redirected to ftp:\/\/feed\.test\/x, not an http\(s\) address \(ftp: is not accepted\); refusing/)
    expect(await fetchFeedJson(at('/relative'), options)).toEqual({ done: true })
    hits = 0
    await expect(fetchFeedJson(at('/loop'), { ...options, maxRedirects: 2 })).rejects.toThrow(/redirected more than 2 times; refusing/)
    expect(hits).toBe(3)
  })

  it('refuses non-http(s) URLs', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/feed.json', 'data:application/json,{}']) {
      await expect(fetchFeedJson(url)).rejects.toThrow(/is not an http\(s\) address \([a-z]+: is not accepted\); refusing/)
    }
  })

  it('says what a server answered when it is not a feed', async () => {
    const port = await serve((req, res) => (req.url === '/missing' ? res.writeHead(404).end() : res.end('<html>')))
    await expect(fetchFeedJson(`http://feed.test:${port}/missing`, options)).rejects.toThrow(`http://feed.test:${port}/missing answered 404 Not Found.`)
    await expect(fetchFeedJson(`http://feed.test:${port}/page`, options)).rejects.toThrow('did not return JSON')
  })
})
