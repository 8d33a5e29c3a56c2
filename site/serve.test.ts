import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic } from './serve'

let base = ''
let close = () => {}

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'serve-'))
  mkdirSync(path.join(root, 'news'))
  writeFileSync(path.join(root, 'index.html'), '<h1>Home</h1>')
  writeFileSync(path.join(root, 'news', 'index.html'), '<h1>News</h1>')
  writeFileSync(path.join(root, '404.html'), '<h1>Not found</h1>')
  writeFileSync(path.join(root, 'app.js'), 'console.log(1)')
  writeFileSync(path.join(tmpdir(), 'outside-secret.txt'), 'secret')
  const server = serveStatic(root)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

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
    expect(await escape.text()).not.toContain('secret')
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405)
    const head = await fetch(`${base}/`, { method: 'HEAD' })
    expect(head.status).toBe(200)
  })
})

