/**
 * Changed pages only (scripts/lib/site-build.ts): a publish re-renders the pages whose content
 * changed, and the pages without getStaticPaths() (home, the directory, listings, feeds), which are
 * always rendered; the rest of the live site stays as it is.
 *
 * Every getStaticPaths() returns its paths through `changedOnly`, each with a key: a hash of
 * everything the page shows — its own record, every record it lists or names, the site settings
 * every page shows, and judgements made against the build time (an entry "may be out of date").
 * Records are named by their content-layer digest (payload-loader.ts digests the whole record as
 * read, populated relations included). A full build writes every key to SITE_PAGE_KEYS_FILE; a
 * changed-pages build (SITE_PREVIOUS_KEYS names the last build's keys) returns only the paths
 * whose key changed. Missing an input from a key would leave a stale page live, so the result is
 * tested byte for byte against a full build (tests/int/incremental-build.int.test.ts).
 *
 * Only pages change: a path that appears or disappears (a new entry, an unpublished one, a new
 * slug) or a change in the texts the output must never contain stops the build with
 * FULL_BUILD_NEEDED, and the build runs in full instead — the sitemap, the search index's page set
 * and the output checks then cover the whole site again.
 */
import { createHash } from 'node:crypto'
import { appendFileSync, readFileSync } from 'node:fs'
import { getEntry } from 'astro:content'
import { builtAt } from './content'
import { isOutOfDate } from './dates'
import { liveLanguages, switcherInput } from './i18n'

import { FULL_BUILD_NEEDED } from './build-modes'
import { perBuild } from './per-build'

/** A content-layer entry: its id and the digest of what the loader stored. */
type Entry = { id: string; digest?: string | number; data: unknown }

/** An entry as a key input: its digest, or its data where the loader gave none. */
export const entryInput = (entry: Entry): string => `${entry.id}:${entry.digest ?? JSON.stringify(entry.data)}`

/** A directory entry as listed or shown: its record, and whether it counts as out of date at this build. */
export const serviceInput = (entry: Entry & { data: { confirmed?: Date } }, now: Date = builtAt()): string =>
  `${entryInput(entry)}:${entry.data.confirmed !== undefined && isOutOfDate(entry.data.confirmed, now) ? 'out-of-date' : 'current'}`


/**
 * What every page shows besides its own content: the site settings (header, footer, quick exit,
 * emergency notice, which languages are on), the English interface strings, and the language
 * switcher (each live language's name). A language's own strings are not here: its pages name
 * them (language.digest), so a change to a Bengali string re-renders the Bengali pages only.
 */
const siteWideInput = perBuild(async (): Promise<string> => {
  const settings = await getEntry('settings', 'site')
  const live = settings ? await liveLanguages(settings.data) : []
  return JSON.stringify([settings?.data ?? null, switcherInput(live), live.find((l) => l.code === 'en')?.digest ?? null])
})

/** The key of a page built from `inputs` (strings from the helpers above, or plain JSON values). */
export async function pageKey(...inputs: unknown[]): Promise<string> {
  return createHash('sha256')
    .update(await siteWideInput())
    .update('\0')
    .update(JSON.stringify(inputs))
    .digest('base64url')
}

/**
 * One line of a keys file: the route, the page's params, its key; `listing` for a page that lists
 * records rather than shows one (a warm publish puts a record's own pages live before these).
 */
export type PageKey = { route: string; params: string; key: string; listing?: true }

let previous: Map<string, Map<string, string>> | null | undefined

function previousKeys(): Map<string, Map<string, string>> | null {
  if (previous !== undefined) return previous
  const file = process.env.SITE_PREVIOUS_KEYS
  if (!file) return (previous = null)
  previous = new Map()
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const { route, params, key } = JSON.parse(line) as PageKey
    if (!previous.has(route)) previous.set(route, new Map())
    previous.get(route)!.set(params, key)
  }
  return previous
}

type Keyed<T> = T & { key: string }

/**
 * A route's paths, each with its key: all of them in a full build, the changed ones in a
 * changed-pages build. `route` names the route file (its keys are compared with its own).
 * `listing`: its pages list records (the directory's filter pages, a language's home), so a warm
 * publish renders them after the edited records' own pages (scripts/lib/warm/renderer.mjs).
 */
export function changedOnly<T extends { params: Record<string, string | number | undefined> }>(route: string, paths: Keyed<T>[], { listing = false } = {}): T[] {
  const keysFile = process.env.SITE_PAGE_KEYS_FILE
  const lines: PageKey[] = paths.map(({ params, key }) => ({ route, params: JSON.stringify(params), key, ...(listing ? { listing: true as const } : {}) }))
  if (keysFile) appendFileSync(keysFile, lines.map((l) => JSON.stringify(l) + '\n').join(''))
  const strip = ({ key: _key, ...path }: Keyed<T>) => path as unknown as T
  const before = previousKeys()
  if (!before) return paths.map(strip)
  const old = before.get(route) ?? new Map<string, string>()
  const now = new Set(lines.map((l) => l.params))
  if (lines.some((l) => !old.has(l.params)) || [...old.keys()].some((params) => !now.has(params))) throw new Error(`${FULL_BUILD_NEEDED}: the pages of ${route} changed`)
  return paths.filter((_, i) => old.get(lines[i]!.params) !== lines[i]!.key).map(strip)
}
