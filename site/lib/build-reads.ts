/**
 * What a loader read in this build, for a page that needs exactly the same read. At 10,000 entries
 * the open-data file read every service again after the services loader had (6.5 s of a 26 s
 * publish). Kept on globalThis: Astro runs the loaders and renders the pages in one process, but
 * from separate copies of the site's modules. Each build is its own process (scripts/lib/
 * astro-build.mjs), so nothing kept here outlives the build that read it.
 */
import type { Where } from 'payload'

type Read = { collection: string; query: string; docs: unknown[] }
const READS = Symbol.for('csp-hub:build-reads')
const reads = (): Map<string, Read> => ((globalThis as { [READS]?: Map<string, Read> })[READS] ??= new Map())
const describe = (query: { depth: number; where?: Where; sort?: string[] }) => JSON.stringify([query.depth, query.where ?? null, query.sort ?? null])

export function keepRead(collection: string, query: { depth: number; where?: Where; sort?: string[] }, docs: unknown[]) {
  reads().set(collection, { collection, query: describe(query), docs })
}

/**
 * The documents a loader read with exactly this query in this build, once (then let go, for the
 * memory), or undefined: the page reads them itself.
 */
export function takeRead<T>(collection: string, query: { depth: number; where?: Where; sort?: string[] }): T[] | undefined {
  const read = reads().get(collection)
  if (!read || read.query !== describe(query)) return undefined
  reads().delete(collection)
  return read.docs as T[]
}
