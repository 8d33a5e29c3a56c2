/**
 * Reads an HSDS 3.0 feed: a JSON file (a page object or an array of services) or a /services URL,
 * following its pages. List entries carry only one-to-one fields, so for a URL each service is
 * then read in full from /services/{id} (its terms, areas and phones are needed to map it). URLs
 * are fetched by fetch-feed.ts, within its limits (http(s) only, public addresses, time and size).
 */
import { readFile } from 'node:fs/promises'
import { fetchFeedJson, type FetchOptions } from './fetch-feed'
import { FeedError, servicesIn } from './import'

const MAX_PAGES = 1000

export type ReadFeedOptions = FetchOptions & {
  /** Read each service in full from /services/{id} (default true). */
  details?: boolean
  /** Reads one JSON document; tests replace it. Default: fetchFeedJson with the limits above. */
  getJson?: (url: URL) => Promise<unknown>
  /** Told of each service read in full (scripts/lib/progress.ts on the command line). */
  progress?: { tick(n?: number): void; setTotal(total: number): void }
}

/** The services of a feed at an http(s) URL, or in a JSON file given by its path. */
export async function readFeed(source: string, { details = true, getJson, progress, ...fetchOptions }: ReadFeedOptions = {}): Promise<unknown[]> {
  // "C:\feed.json" is a path; "file:", "ftp:", "data:" and the like are addresses we do not fetch.
  const scheme = source.match(/^([a-z][a-z0-9+.-]+):/i)?.[1]
  if (scheme && !/^https?$/i.test(scheme)) {
    throw new FeedError(`${source} is not an http(s) address (${scheme.toLowerCase()}: is not accepted); refusing. To import a local file, give its path.`)
  }
  if (!scheme) {
    let raw: string
    try {
      raw = await readFile(source, 'utf8')
    } catch (error) {
      throw new FeedError(`Could not read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
    try {
      return servicesIn(JSON.parse(raw))
    } catch (error) {
      if (error instanceof FeedError) throw error
      throw new FeedError(`${source} is not valid JSON: ${(error as Error).message}`)
    }
  }

  const fetchJson = getJson ?? ((url: URL) => fetchFeedJson(url, fetchOptions))
  const first = new URL(source)
  const services: unknown[] = []
  for (let pageNumber = Number(first.searchParams.get('page') || 1), pages = 0; pages < MAX_PAGES; pageNumber++, pages++) {
    const url = new URL(first)
    url.searchParams.set('page', String(pageNumber))
    const document = await fetchJson(url)
    const contents = servicesIn(document)
    services.push(...contents)
    const page = document as { total_pages?: unknown; last_page?: unknown }
    const last = Array.isArray(document) || page.last_page === true || contents.length === 0 || (typeof page.total_pages === 'number' && pageNumber >= page.total_pages)
    if (last) break
    if (pages === MAX_PAGES - 1) throw new FeedError(`${source} has more than ${MAX_PAGES} pages; import it in parts.`)
  }
  if (!details) return services

  // /services?… → /services/{id}
  const base = new URL(first)
  base.search = ''
  base.pathname = base.pathname.replace(/\/+$/, '')
  const full: unknown[] = []
  progress?.setTotal(services.length)
  for (const entry of services) {
    progress?.tick()
    const id = (entry as { id?: unknown })?.id
    full.push(typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? await fetchJson(new URL(`${base.pathname}/${id}`, base)) : entry)
  }
  return full
}
