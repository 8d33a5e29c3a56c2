import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readFeed } from './feed'
import { FeedError } from './import'
import { pageOf } from './params'

const services = Array.from({ length: 5 }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, name: `Service ${i}`, status: 'active' }))

/** A tiny HSDS server: /services pages of 2 and /services/{id} with a marker showing it was read in full. */
const fakeServer = (requested: string[]) => async (url: URL) => {
  requested.push(url.pathname + url.search)
  const one = url.pathname.match(/\/services\/([0-9a-f-]{36})$/)
  if (one) return { ...services.find((s) => s.id === one[1]), description: 'full' }
  if (url.pathname === '/api/services') return pageOf(services, { page: Number(url.searchParams.get('page')), perPage: 2 })
  throw new FeedError(`${url.href} answered 404 Not Found.`)
}

describe('readFeed', () => {
  it('follows every page of a /services URL, then reads each service in full', async () => {
    const requested: string[] = []
    const feed = (await readFeed('https://directory.example/api/services?per_page=2', { getJson: fakeServer(requested) })) as { id: string; description?: string }[]
    expect(feed.map((s) => s.id)).toEqual(services.map((s) => s.id))
    expect(feed.every((s) => s.description === 'full')).toBe(true)
    expect(requested.slice(0, 3)).toEqual(['/api/services?per_page=2&page=1', '/api/services?per_page=2&page=2', '/api/services?per_page=2&page=3'])
    expect(requested).toHaveLength(3 + services.length)
  })

  it('can keep the list entries only', async () => {
    const requested: string[] = []
    const feed = await readFeed('https://directory.example/api/services', { getJson: fakeServer(requested), details: false })
    expect(feed).toHaveLength(5)
    expect(requested).toHaveLength(3)
  })

  it('reads a file holding a page or an array, and says what is wrong with a bad one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feed-'))
    const page = path.join(dir, 'page.json')
    const array = path.join(dir, 'array.json')
    const broken = path.join(dir, 'broken.json')
    writeFileSync(page, JSON.stringify(pageOf(services, { page: 1, perPage: 10 })))
    writeFileSync(array, JSON.stringify(services))
    writeFileSync(broken, '{"contents": [')
    expect(await readFeed(page)).toHaveLength(5)
    expect(await readFeed(array)).toHaveLength(5)
    await expect(readFeed(broken)).rejects.toThrow(/is not valid JSON/)
    await expect(readFeed(path.join(dir, 'missing.json'))).rejects.toThrow(/Could not read .*ENOENT/)
    await expect(readFeed('https://directory.example/elsewhere', { getJson: fakeServer([]) })).rejects.toThrow(FeedError)
  })
})

/** A throwaway HTTP server on 127.0.0.1 answering with `handle`; closed after each test. */
const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})
async function serve(handle: RequestListener): Promise<{ origin: string; port: number; requests: string[] }> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    requests.push(req.url ?? '')
    handle(req, res)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, port, requests }
}
const onePage = JSON.stringify(pageOf(services, { page: 1, perPage: 10 }))
/** Tests run their servers on 127.0.0.1, so they let that one address through; nothing else. */
const testServerOnly = (address: string) => address === '127.0.0.1'

describe('readFeed fetching a URL', () => {
  it('refuses a feed on a loopback address by default, without sending it a request', async () => {
    const { origin, requests } = await serve((_req, res) => res.end(onePage))
    await expect(readFeed(`${origin}/api/services`, { details: false })).rejects.toThrow(/127\.0\.0\.1.*a loopback address.*refusing/)
    expect(requests).toEqual([])
  })

  it('refuses a redirect to a loopback or private address, checking every hop', async () => {
    const { origin, port, requests } = await serve((req, res) => {
      const to = req.url!.startsWith('/private') ? 'http://10.1.2.3/api/services' : `http://127.0.0.2:${port}/api/services`
      res.writeHead(302, { Location: to }).end()
    })
    const options = { details: false, allowAddress: testServerOnly, timeoutMs: 2_000 }
    await expect(readFeed(`${origin}/api/services`, options)).rejects.toThrow(
      `The feed at ${origin}/api/services?page=1 redirected to http://127.0.0.2:${port}/api/services, a loopback address (127.0.0.2); refusing.`,
    )
    await expect(readFeed(`${origin}/private`, options)).rejects.toThrow(/redirected to http:\/\/10\.1\.2\.3\/api\/services, a private address \(10\.1\.2\.3\); refusing/)
    expect(requests).toHaveLength(2)
  }, 10_000)

  it('stops reading a body larger than the size limit', async () => {
    let sent = 0
    const { origin } = await serve((_req, res) => {
      const chunk = Buffer.alloc(64 * 1024, ' ')
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      res.on('close', () => res.removeAllListeners('drain'))
      pump()
    })
    await expect(readFeed(`${origin}/api/services`, { details: false, allowAddress: testServerOnly, maxBytes: 1024 * 1024 })).rejects.toThrow(
      /larger than the 1 MB limit; stopped reading/,
    )
    expect(sent).toBeLessThan(10 * 1024 * 1024)
  }, 10_000)

  it('refuses a Content-Length over the size limit before reading the body', async () => {
    const { origin } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(100 * 1024 * 1024) })
      res.write('{"contents": [')
    })
    await expect(readFeed(`${origin}/api/services`, { details: false, allowAddress: testServerOnly, maxBytes: 1024 * 1024 })).rejects.toThrow(
      /says it is 100 MB \(Content-Length\), more than the 1 MB limit; refusing/,
    )
  }, 10_000)

  it('gives up on a server that never answers within the timeout', async () => {
    const { origin } = await serve(() => {})
    const started = Date.now()
    await expect(readFeed(`${origin}/api/services`, { details: false, allowAddress: testServerOnly, timeoutMs: 300 })).rejects.toThrow(
      /did not finish answering within 0\.3 s/,
    )
    expect(Date.now() - started).toBeLessThan(3_000)
  }, 10_000)

  it('refuses addresses that are not http(s); local files are given as paths', async () => {
    for (const source of ['file:///etc/passwd', 'ftp://directory.example/services.json', 'data:application/json,[]']) {
      await expect(readFeed(source)).rejects.toThrow(/is not an http\(s\) address.*refusing/)
    }
  })
})
