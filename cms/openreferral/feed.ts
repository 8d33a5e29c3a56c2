/**
 * Reads an HSDS 3.0 feed: a JSON file (a page object or an array of services) or a /services URL,
 * following its pages. List entries carry only one-to-one fields, so for a URL each service is
 * then read in full from /services/{id} (its terms, areas and phones are needed to map it).
 */
import { readFile } from 'node:fs/promises'
import { FeedError, servicesIn } from './import'

const MAX_PAGES = 1000

async function getJson(url: URL, fetcher: typeof fetch): Promise<unknown> {
  let response: Response
  try {
    response = await fetcher(url, { headers: { Accept: 'application/json' } })
  } catch (error) {
    throw new FeedError(`Could not reach ${url.href}: ${(error as Error).message}`)
  }
  if (!response.ok) throw new FeedError(`${url.href} answered ${response.status} ${response.statusText}.`)
  try {
    return await response.json()
  } catch {
    throw new FeedError(`${url.href} did not return JSON.`)
  }
}

export async function readFeed(source: string, { fetcher = fetch, details = true }: { fetcher?: typeof fetch; details?: boolean } = {}): Promise<unknown[]> {
  if (!/^https?:\/\//i.test(source)) {
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

  const first = new URL(source)
  const services: unknown[] = []
  for (let pageNumber = Number(first.searchParams.get('page') || 1), pages = 0; pages < MAX_PAGES; pageNumber++, pages++) {
    const url = new URL(first)
    url.searchParams.set('page', String(pageNumber))
    const document = await getJson(url, fetcher)
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
  for (const entry of services) {
    const id = (entry as { id?: unknown })?.id
    full.push(typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? await getJson(new URL(`${base.pathname}/${id}`, base), fetcher) : entry)
  }
  return full
}
