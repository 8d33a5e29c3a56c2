/**
 * What a loader read in this build, for a page that needs exactly the same read. At 10,000 entries
 * the open-data file read every service again after the services loader had (6.5 s of a 26 s
 * publish). Kept on globalThis: Astro runs the loaders and renders the pages in one process, but
 * from separate copies of the site's modules. Each build is its own process (scripts/lib/
 * astro-build.mjs), so nothing kept here outlives the build that read it.
 */
import type { JoinQuery, Where } from 'payload'

/** `digests[i]`: the loader's digest of `docs[i]` (undefined for a record it refused before digesting). */
type Read = { collection: string; query: string; docs: unknown[]; digests: (string | undefined)[] }
type Query = { depth: number; where?: Where; sort?: string[]; joins?: JoinQuery }
const READS = Symbol.for('csp-hub:build-reads')
const reads = (): Map<string, Read> => ((globalThis as { [READS]?: Map<string, Read> })[READS] ??= new Map())
const describe = (query: Query) => JSON.stringify([query.depth, query.where ?? null, query.sort ?? null, query.joins ?? null])

export function keepRead(collection: string, query: Query, docs: unknown[], digests: (string | undefined)[] = []) {
  reads().set(collection, { collection, query: describe(query), docs, digests })
}

/**
 * The documents a loader read with exactly this query in this build, once (then let go, for the
 * memory), or undefined: the page reads them itself.
 */
export function takeRead<T>(collection: string, query: Query): { docs: T[]; digests: (string | undefined)[] } | undefined {
  const read = reads().get(collection)
  if (!read || read.query !== describe(query)) return undefined
  reads().delete(collection)
  return { docs: read.docs as T[], digests: read.digests }
}
