import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readFeed } from './feed'
import { FeedError } from './import'
import { pageOf } from './params'

const services = Array.from({ length: 5 }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, name: `Service ${i}`, status: 'active' }))

/** A tiny HSDS server: /services pages of 2 and /services/{id} with a marker showing it was read in full. */
const fakeFetch = (requested: string[]) =>
  (async (input: URL | string) => {
    const url = new URL(String(input))
    requested.push(url.pathname + url.search)
    const one = url.pathname.match(/\/services\/([0-9a-f-]{36})$/)
    if (one) return Response.json({ ...services.find((s) => s.id === one[1]), description: 'full' })
    if (url.pathname === '/api/services') return Response.json(pageOf(services, { page: Number(url.searchParams.get('page')), perPage: 2 }))
    return new Response('nope', { status: 404, statusText: 'Not Found' })
  }) as typeof fetch

describe('readFeed', () => {
  it('follows every page of a /services URL, then reads each service in full', async () => {
    const requested: string[] = []
    const feed = (await readFeed('https://directory.example/api/services?per_page=2', { fetcher: fakeFetch(requested) })) as { id: string; description?: string }[]
    expect(feed.map((s) => s.id)).toEqual(services.map((s) => s.id))
    expect(feed.every((s) => s.description === 'full')).toBe(true)
    expect(requested.slice(0, 3)).toEqual(['/api/services?per_page=2&page=1', '/api/services?per_page=2&page=2', '/api/services?per_page=2&page=3'])
    expect(requested).toHaveLength(3 + services.length)
  })

  it('can keep the list entries only', async () => {
    const requested: string[] = []
    const feed = await readFeed('https://directory.example/api/services', { fetcher: fakeFetch(requested), details: false })
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
    await expect(readFeed('https://directory.example/elsewhere', { fetcher: fakeFetch([]) })).rejects.toThrow(FeedError)
  })
})
