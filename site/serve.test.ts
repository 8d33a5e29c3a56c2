import { renameSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeTree } from '../tests/helpers/files'
import { SECURITY_HEADERS, serveStatic } from './serve'

const SECRET = 'OUTSIDE-THE-SITE'
const site = {
  'index.html': '<h1>Home</h1>',
  'news/index.html': '<h1>News</h1>',
  '404.html': '<h1>Not found</h1>',
  'app.js': 'console.log(1)\n'.repeat(100), // over compression's 1 kB threshold
  '_astro/page.abc123.css': 'h1{color:red}',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/pagefind.en_1.pf_meta': 'meta',
  'pagefind/fragment/en_1.pf_fragment': 'fragment',
  'pagefind/index/en_1.pf_index': 'index',
  'pagefind/wasm.en.pagefind': 'wasm',
  'pagefind/wasm.unknown.wasm': 'wasm',
}
// The site sits in a folder next to files it must never serve.
const parent = writeTree({ 'package.json': SECRET, ...prefixed('site/', site) }, 'serve-')
const root = path.join(parent, 'site')
let base = ''
let port = 0
const servers: Server[] = []

function prefixed(prefix: string, files: Record<string, string>) {
  return Object.fromEntries(Object.entries(files).map(([file, body]) => [prefix + file, body]))
}

async function listen(folder: string): Promise<number> {
  const server = serveStatic(folder)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** A request with exactly this path on the wire: fetch() would normalise it first. */
function raw(rawPath: string, method = 'GET', to = port): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: to, path: rawPath, method }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
      .on('error', reject)
      .end()
  })
}

/** The answer, or status 0 naming what went wrong (a response short of its length never ends). */
function within(answer: Promise<{ status: number; body: string }>, ms: number): Promise<{ status: number; body: string }> {
  const late = new Promise<{ status: number; body: string }>((resolve) => setTimeout(() => resolve({ status: 0, body: 'no end in time' }), ms).unref())
  return Promise.race([answer.catch((error: Error) => ({ status: 0, body: error.message })), late])
}

function expectSecurityHeaders(headers: IncomingHttpHeaders) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value)
  expect(headers['set-cookie']).toBeUndefined()
}

beforeAll(async () => {
  writeFileSync(path.join(tmpdir(), 'outside-secret.txt'), SECRET)
  port = await listen(root)
  base = `http://127.0.0.1:${port}`
})
afterAll(() => servers.forEach((server) => server.close()))

describe('serveStatic', () => {
  it('serves pages with the privacy and security headers and no cookie', async () => {
    const response = await fetch(`${base}/`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('<h1>Home</h1>')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('compresses text for clients that accept gzip', async () => {
    const raw = await fetch(`${base}/app.js`, { headers: { 'Accept-Encoding': 'gzip' }, decompress: false } as RequestInit)
    expect(raw.headers.get('content-encoding')).toBe('gzip')
    expect(raw.headers.get('vary')).toBe('Accept-Encoding')
  })

  it('redirects a folder without its slash, and answers 404 with the site’s page', async () => {
    const redirect = await fetch(`${base}/news`, { redirect: 'manual' })
    expect(redirect.status).toBe(301)
    expect(redirect.headers.get('location')).toBe('/news/')
    const missing = await fetch(`${base}/nowhere/`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toBe('<h1>Not found</h1>')
  })

  it('never serves a file outside the site folder, and only GET and HEAD', async () => {
    const escape = await fetch(`${base}/..%2f..%2foutside-secret.txt`)
    expect(escape.status).toBe(404)
    expect(await escape.text()).not.toContain(SECRET)
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405)
    const head = await fetch(`${base}/`, { method: 'HEAD' })
    expect(head.status).toBe(200)
  })

  it('keeps a safe query string on the folder redirect and drops an unsafe one', async () => {
    expect((await raw('/news?page=2&q=a%20b')).headers.location).toBe('/news/?page=2&q=a%20b')
    expect((await raw('/news?x="<\'>')).headers.location).toBe('/news/')
  })

  it('sends the security headers on redirects, errors and refusals too', async () => {
    for (const [rawPath, method, status] of [
      ['/news', 'GET', 301],
      ['/nowhere', 'GET', 404],
      ['//evil.example/', 'GET', 404],
      ['/', 'DELETE', 405],
      ['/', 'HEAD', 200],
    ] as const) {
      const response = await raw(rawPath, method)
      expect(response.status, `${method} ${rawPath}`).toBe(status)
      expectSecurityHeaders(response.headers)
    }
  })

  it('caches hashed assets for a year and everything else only after revalidating', async () => {
    expect((await raw('/_astro/page.abc123.css')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await raw('/news/')).headers['cache-control']).toBe('no-cache')
    expect((await raw('/nowhere/')).headers['cache-control']).toBe('no-cache')
  })

  it('gives Pagefind’s files their content types', async () => {
    const types: Record<string, string> = {
      '/pagefind/pagefind-entry.json': 'application/json; charset=utf-8',
      '/pagefind/pagefind.en_1.pf_meta': 'application/octet-stream',
      '/pagefind/fragment/en_1.pf_fragment': 'application/octet-stream',
      '/pagefind/index/en_1.pf_index': 'application/octet-stream',
      '/pagefind/wasm.en.pagefind': 'application/octet-stream',
      '/pagefind/wasm.unknown.wasm': 'application/wasm',
      '/app.js': 'text/javascript; charset=utf-8',
      '/news/': 'text/html; charset=utf-8',
    }
    for (const [file, type] of Object.entries(types)) {
      const response = await raw(file)
      expect(response.status, file).toBe(200)
      expect(response.headers['content-type'], file).toBe(type)
    }
  })

  it('serves a site switched in by rename at once', async () => {
    const folder = writeTree({ 'live/index.html': 'old' }, 'serve-swap-')
    const live = path.join(folder, 'live')
    const swapPort = await listen(live)
    expect((await raw('/', 'GET', swapPort)).body).toBe('old')
    // A build goes to a fresh folder and is renamed into place.
    const incoming = writeTree({ 'index.html': 'new', 'fresh/index.html': 'fresh' }, 'serve-build-')
    renameSync(live, path.join(folder, 'previous'))
    renameSync(incoming, live)
    expect((await raw('/', 'GET', swapPort)).body).toBe('new')
    expect((await raw('/fresh', 'GET', swapPort)).headers.location).toBe('/fresh/')
  })

  // Found by the faults e2e test in CI: `send` stats a file, then opens it again by name. A publish
  // that renamed a longer page in between was sent cut to the old page's length (a home page
  // ending "</html"), and a shorter one left the response short of its Content-Length.
  it('sends every page whole while publishes rename new versions of it into place', async () => {
    const folder = writeTree({ 'index.html': 'a' }, 'serve-race-')
    const racePort = await listen(folder)
    const versions = ['<p>short</p>', `<p>${'long '.repeat(2000)}</p>`].map((body, i) => {
      const file = path.join(folder, `.v${i}`)
      writeFileSync(file, body)
      return { file, body }
    })
    let publishing = true
    let published = 0
    // Each publish writes a copy beside the page and renames it over the page, as a build does.
    const publisher = (async () => {
      while (publishing) {
        const { file, body } = versions[published++ % 2]
        writeFileSync(file + '.tmp', body)
        renameSync(file + '.tmp', path.join(folder, 'index.html'))
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const bodies = new Set(versions.map((v) => v.body))
    const broken: string[] = []
    for (let round = 0; round < 40; round++) {
      // 5 s: an answer short of its Content-Length never ends, while a whole one can take over half a
      // second when CI's two cores are busy (500 ms timed out 5 answers in one full run, none broken).
      const answers = await Promise.all(Array.from({ length: 8 }, () => within(raw('/', 'GET', racePort), 5_000)))
      for (const { status, body } of answers) if (status !== 200 || !bodies.has(body)) broken.push(`${status}: ${body.length} bytes`)
    }
    publishing = false
    await publisher
    expect(published).toBeGreaterThan(40)
    expect(broken.slice(0, 5)).toEqual([])
  }, 60_000)

  // Issue 11, finding 8: the folder redirect copied the raw request path into Location, so
  // //evil.example/x%2f%2e%2e%2f%2e%2e%2fnews answered "Location: //evil.example/…" and a browser left the site.
  const hostile = [
    '//evil.example/x%2f%2e%2e%2f%2e%2e%2fnews',
    '//evil.example/..',
    '//evil.example/../news',
    '/\\evil.example',
    '/\\evil.example/../news',
    '/\\/evil.example/../news',
    '/%2f%2fevil.example/',
    '/%2f%2fevil.example/..%2f..%2fnews',
    '/%2F%2Fevil.example%2F..%2F..%2Fnews',
    '///evil.example/news',
    '///evil.example/../news',
    '/news%2f..%2f..%2f/',
    '/news%2f..%2f..%2fnews',
    '/%5cevil.example',
    '/%5c%5cevil.example/..%2f..%2fnews',
    '/news/..%2f..%2f',
    '/news/..%2f..%2fnews',
    '/news/%2e%2e/%2e%2e/news',
    '/news/%00',
    '/news%00/',
    '/%09/evil.example/../news',
    '/https:/evil.example/../../news',
    '/news?next=//evil.example',
    'http://evil.example/../../news',
  ]
  it.each(hostile)('never redirects %s off the site', async (rawPath) => {
    const { status, headers, body } = await raw(rawPath)
    expect([301, 400, 403, 404]).toContain(status)
    expectSecurityHeaders(headers)
    if (status !== 301) return expect(headers.location).toBeUndefined()
    const location = headers.location!
    // Exactly one leading slash, no scheme or host, nothing a browser or a later decode turns into one.
    expect(location).toMatch(/^\/(?![/\\])/)
    expect(location).not.toMatch(/[\\\s]|%(2f|5c|2e|00|09|0a|0d)|\/\.\.?(\/|$)|:\/\//i)
    expect(new URL(location, 'https://csp.example').origin).toBe('https://csp.example')
    expect(new URL(decodeURIComponent(location), 'https://csp.example').origin).toBe('https://csp.example')
    expect(body).not.toContain('evil.example')
  })

  const traversal = [
    '/../package.json',
    '/../../package.json',
    '/..%2fpackage.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/news/../../package.json',
    '/..\\package.json',
    '/%2e%2e%5cpackage.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/..%2f..%2foutside-secret.txt',
    '/..%252f..%252foutside-secret.txt',
    '/package.json%00.html',
  ]
  it.each(traversal)('never serves %s from outside the site folder', async (rawPath) => {
    const { status, headers, body } = await raw(rawPath)
    expect([400, 403, 404]).toContain(status)
    expectSecurityHeaders(headers)
    expect(body).not.toContain(SECRET)
    expect(body).not.toMatch(/root:.*:0:0:/)
  })
})
