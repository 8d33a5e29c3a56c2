/**
 * A warm renderer (issue 19): one Astro process that stays running between publishes and renders
 * each publish's changed pages without a new `astro build` — no Vite, no bundle, no store written
 * and read back. It does what a changed-pages build's Astro step does (scripts/lib/site-build.ts
 * changedPages), with the same inputs and outputs:
 *
 * - in: the build folder, the files the loaders write beside it (records left out, texts that must
 *   never appear, this publish's page keys) and the live site's page keys (SITE_PREVIOUS_KEYS);
 * - out: those files, and in the folder the pages whose key changed plus every page without keys
 *   (home, listings, feeds, the open-data file, 404), as `astro build` would write them.
 *
 * So the checks, the move into the live folder, the search index and the state that follow are the
 * build's own, unchanged. The bytes are the full build's by construction: the renderer is Astro's
 * own prerenderer with the bundle and manifest of a build of this very code (integration.mjs), the
 * records are loaded by the site's own loaders (site/lib/sources.ts) into the store the pages read,
 * and everything a build reads once is read again (site/lib/per-build.ts). The result is tested
 * byte for byte against full builds (tests/int/incremental-build-warm.int.test.ts).
 *
 * The changed pages that show one record (the edited record's own, not the listings: changedOnly's
 * `listing`) can be rendered first, into a folder of their own, and announced (`progress`), so the
 * build puts them live while the listings render.
 *
 * A publish whose set of pages changes (a new entry, an unpublished one, a new slug) is refused
 * with FULL_BUILD_NEEDED, as a changed-pages build refuses it; the build then runs in full, cold.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { unflatten } from 'devalue'
import xxhash from 'xxhash-wasm'
import { tsImport } from 'tsx/esm/api'
import { DATA_STORE, WARM } from './integration.mjs'

/**
 * @param {string} file @param {Set<string>} [listings] gets the routes whose pages list records
 * @returns {Map<string, string>} "route params" → key
 */
function readKeys(file, listings) {
  const keys = new Map()
  if (!existsSync(file)) return keys
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const { route, params, key, listing } = JSON.parse(line)
    keys.set(`${route} ${params}`, key)
    if (listing) listings?.add(route)
  }
  return keys
}

/** Where `astro build` (build.format 'directory', trailingSlash 'always') writes a path. */
export function outFileOf(/** @type {any} */ route, /** @type {string} */ pathname) {
  if (route.route === '/404') return '404.html'
  const rel = pathname.replace(/^\/+/, '')
  if (route.type === 'endpoint') return rel
  return rel === '' ? 'index.html' : path.join(rel.replace(/\/+$/, ''), 'index.html')
}

/** The URL `astro build` renders a path at (generate.js getUrlForPath, directory format). */
function urlOf(/** @type {any} */ route, /** @type {string} */ pathname, /** @type {string} */ origin) {
  if (pathname === '/' || pathname === '') return new URL('/', origin)
  if (route.type === 'endpoint') return new URL(/\.[a-z0-9]+$/i.test(pathname) ? pathname : pathname.replace(/\/?$/, '/'), origin)
  return new URL(pathname.replace(/\/?$/, '/'), origin)
}

/** The route files a page-keys route name can be (site/lib/incremental.ts changedOnly names its route by its file). */
const componentsOf = (/** @type {string} */ route) => [`site/pages/${route}.astro`, `site/pages/${route}.ts`, `site/pages/${route}/index.astro`]

/** The path a route gives these params. */
const pathnameOf = (/** @type {any} */ route, /** @type {Record<string, unknown>} */ params) =>
  '/' + route.segments.map((/** @type {any[]} */ segment) => segment.map((part) => (part.dynamic ? String(params[part.content] ?? '') : part.content)).join('')).join('/')
const trimmed = (/** @type {string} */ p) => p.replace(/\/+$/, '')

/**
 * A logger for the loaders, as Astro's says who speaks. Their counts are not printed for every
 * publish (SITE_WARM_VERBOSE=1 prints them) but kept in `said`, for the publish's report; what they
 * warn of (a record left out) is always printed.
 * @param {string} name @param {string[]} said
 * @returns {any}
 */
const loggerFor = (name, said) => ({
  info: (/** @type {string} */ message) => {
    said.push(message)
    if (process.env.SITE_WARM_VERBOSE === '1') console.log(`[warm ${name}] ${message}`)
  },
  warn: (/** @type {string} */ message) => console.warn(`[warm ${name}] ${message}`),
  error: (/** @type {string} */ message) => console.error(`[warm ${name}] ${message}`),
  debug: () => undefined,
  label: name,
  options: {},
  fork: () => loggerFor(name, said),
})

export class WarmRenderer {
  /** @type {any} */ prerenderer
  /** @type {Map<string, Map<string, any>>} */ collections = new Map()
  /** @type {Record<string, any>} */ sources = {}
  /** @type {Record<string, import('zod').ZodType>} */ schemas = {}
  /** @type {() => void} */ startNextBuild = () => undefined
  /** @type {string} */ fullBuildNeeded = ''
  /** @type {(s: string) => string} */ digestOf = (s) => s
  origin = 'http://localhost:4321'

  /**
   * Takes what the warm-up build kept (integration.mjs) and the site's loaders. Throws if the build
   * did not keep them, so a warm step that cannot work says so at its start.
   */
  async adopt(/** @type {string} */ bundle) {
    const held = /** @type {any} */ (globalThis)[WARM]
    // The open-data file's pieces are kept from one publish to the next here, and only here
    // (site/lib/open-data.ts KEEP_PIECES): a one-shot build would hold them for nothing.
    Object.assign(globalThis, { [Symbol.for('csp-hub:keep-open-data-pieces')]: true })
    if (!held?.prerenderer?.app) throw new Error('The warm renderer: the warm-up build did not keep its prerenderer (scripts/lib/warm/integration.mjs).')
    this.prerenderer = held.prerenderer
    // Every page's module, loaded now: the bundle's copy of Astro's content store is among them
    // (and the first publish does not wait for them).
    const app = this.prerenderer.app
    for (const { routeData } of app.manifest.routes) if (routeData.prerender && routeData.component) await app.getComponentByRoute(routeData).catch(() => undefined)
    const within = pathToFileURL(bundle).href
    const singletons = [...(/** @type {Map<string, any>} */ (/** @type {any} */ (globalThis)[DATA_STORE] ?? new Map()))].filter(([url]) => url.startsWith(within))
    if (singletons.length !== 1) throw new Error(`The warm renderer: expected one content store in the bundle, found ${singletons.length} (scripts/lib/warm/integration.mjs).`)
    const singleton = singletons[0]?.[1]
    // The store the warm-up bundled, read from its own module (as Astro's ImmutableDataStore.fromModule
    // reads it) and set as the one every page reads: this renderer owns it from here on.
    const chunks = path.join(bundle, 'chunks')
    const name = (await readdir(chunks)).find((file) => /^_astro_data-layer-content_.*\.mjs$/.test(file))
    if (!name) throw new Error(`The warm renderer: no content store module in ${chunks}.`)
    const { default: bundled } = await import(pathToFileURL(path.join(chunks, name)).href)
    this.collections = bundled instanceof Map ? bundled : unflatten(bundled)
    if (!(this.collections instanceof Map)) throw new Error('The warm renderer: the bundled content store is not in a form it knows (Astro changed it?).')
    const collections = this.collections
    const of = (/** @type {string} */ c) => collections.get(c) ?? new Map()
    singleton.set({
      hasCollection: (/** @type {string} */ c) => collections.has(c),
      get: (/** @type {string} */ c, /** @type {unknown} */ key) => of(c).get(String(key)),
      entries: (/** @type {string} */ c) => [...of(c).entries()],
      values: (/** @type {string} */ c) => [...of(c).values()],
      keys: (/** @type {string} */ c) => [...of(c).keys()],
      has: (/** @type {string} */ c, /** @type {unknown} */ key) => of(c).has(String(key)),
      collections: () => collections,
    })
    const [{ sources }, { siteSettingsSchema }, { startNextBuild }, { FULL_BUILD_NEEDED }] = await Promise.all([
      tsImport('../../../site/lib/sources.ts', import.meta.url),
      tsImport('../../../site/schemas/index.ts', import.meta.url),
      tsImport('../../../site/lib/per-build.ts', import.meta.url),
      tsImport('../../../site/lib/build-modes.ts', import.meta.url),
    ])
    this.sources = sources
    // The collection-level schemas of site/content.config.ts (every other collection's is its loader's).
    this.schemas = { settings: siteSettingsSchema }
    this.startNextBuild = startNextBuild
    this.fullBuildNeeded = FULL_BUILD_NEEDED
    const { h64ToString } = await xxhash()
    // As Astro's content layer digests (content-layer.js #getGenerateDigest).
    this.digestOf = (data) => h64ToString(typeof data === 'string' ? data : JSON.stringify(data))
    this.origin = new URL(this.prerenderer.app.manifest.site ?? this.origin).origin
  }

  /**
   * Runs every collection's loader again into the store the pages read, as a build's sync does.
   * Returns what the loaders said (how many records each read, and how).
   */
  async #load() {
    /** @type {string[]} */
    const said = []
    for (const [name, loader] of Object.entries(this.sources)) {
      let entries = this.collections.get(name)
      if (!entries) this.collections.set(name, (entries = new Map()))
      const map = entries
      /** @type {any} */
      const store = {
        get: (/** @type {string} */ id) => map.get(String(id)),
        has: (/** @type {string} */ id) => map.has(String(id)),
        keys: () => [...map.keys()],
        values: () => [...map.values()],
        entries: () => [...map.entries()],
        delete: (/** @type {string} */ id) => void map.delete(String(id)),
        clear: () => map.clear(),
        set: (/** @type {{ id: string, data: unknown, digest?: string }} */ { id, data, digest }) => {
          const existing = map.get(String(id))
          if (digest && existing?.digest === digest) return false
          map.set(String(id), digest ? { id: String(id), data, digest } : { id: String(id), data })
          return true
        },
      }
      const schema = this.schemas[name]
      await loader.load({
        collection: name,
        store,
        logger: loggerFor(name, said),
        generateDigest: this.digestOf,
        parseData: async (/** @type {{ data: unknown }} */ { data }) => (schema ? schema.parse(data) : data),
        meta: new Map(),
      })
    }
    return said
  }

  /**
   * One publish: `outDir` gets the changed pages, the loaders' files are written where `env` names
   * them (SITE_EXCLUSIONS_FILE, SITE_SECRETS_FILE, SITE_PAGE_KEYS_FILE), and the page set is
   * compared with SITE_PREVIOUS_KEYS. Returns how many pages it rendered and how long each step took.
   *
   * With `firstDir`, the changed pages that show one record (the edited record's own) are rendered there
   * first and `progress({ first })` says so, so the build can check them and put them live while
   * this goes on with the pages without keys (home, listings, feeds, the open-data file), which at
   * 10,000 entries are most of a publish's render time.
   * `fastEnv` names the files of the first pages' pass (records left out, texts never to show, keys).
   * @param {{ outDir: string, firstDir?: string, env: Record<string, string>, fastEnv?: Record<string, string> }} go
   * @param {(news: Record<string, unknown>) => Promise<void>} [progress]
   */
  async publish({ outDir, firstDir, env, fastEnv }, progress) {
    const t0 = performance.now()
    if (firstDir && !fastEnv) throw new Error('The warm renderer renders first pages only with files of their own for them (fastEnv).')
    const { SITE_PREVIOUS_KEYS: previousFile, ...rest } = env
    if (!previousFile) throw new Error('The warm renderer renders changed pages only: it needs the live site\'s page keys (SITE_PREVIOUS_KEYS).')
    // The keys of every path are written, never filtered: this process compares them itself.
    delete process.env.SITE_PREVIOUS_KEYS
    Object.assign(process.env, rest)
    // The same file for both (a rehearsal): each pass's own keys are the previous ones.
    const before = previousFile === env.SITE_PAGE_KEYS_FILE ? null : readKeys(previousFile)
    /** @type {{ file: string, ms: number }[]} */
    const times = []
    /** @type {string[]} */
    const loaded = []
    /**
     * One pass: the loaders, every route's paths and keys (this pass's loaders' files and keys
     * files written afresh), and the pages to render. `whole`: every loader reads its collection
     * whole (SITE_WHOLE_READS); otherwise a loader that can reads only what changed.
     */
    const pass = async (/** @type {boolean} */ whole) => {
      // The fast pass writes its files where `fastEnv` says, which the build reads for the first
      // pages while the whole pass writes the publish's own.
      for (const name of /** @type {const} */ (['SITE_EXCLUSIONS_FILE', 'SITE_SECRETS_FILE', 'SITE_PAGE_KEYS_FILE'])) {
        const file = (whole ? env : fastEnv)?.[name]
        if (!file) continue
        process.env[name] = file
        await rm(file, { force: true })
      }
      if (whole) process.env.SITE_WHOLE_READS = '1'
      else delete process.env.SITE_WHOLE_READS
      this.startNextBuild()
      loaded.push(...(await this.#load()))
      const loadedAt = performance.now()
      // Astro caches each route's getStaticPaths() for a build; the store changed under it.
      this.prerenderer.app.routeCache?.clearAll?.()
      /** @type {{ pathname: string, route: any }[]} */
      const paths = await this.prerenderer.getStaticPaths()
      /** @type {Set<string>} */
      const listings = new Set()
      const keys = readKeys(process.env.SITE_PAGE_KEYS_FILE ?? '', listings)
      return { loadedAt, toRender: this.#pick(paths, keys, before ?? keys, listings) }
    }
    const renderInto = async (/** @type {string} */ dir, /** @type {{ pathname: string, route: any, file: string }[]} */ pages) => {
      await mkdir(dir, { recursive: true })
      for (const { pathname, route, file } of pages) {
        const started = performance.now()
        const { response } = await this.prerenderer.render(new Request(urlOf(route, pathname, this.origin)), { routeData: route })
        if (response.status >= 300 && !(response.status === 404 && route.route === '/404')) throw new Error(`The warm renderer: ${pathname} answered ${response.status}.`)
        const to = path.join(dir, file)
        await mkdir(path.dirname(to), { recursive: true })
        await writeFile(to, Buffer.from(await response.arrayBuffer()))
        times.push({ file, ms: Math.round(performance.now() - started) })
      }
    }
    const seconds = (/** @type {number} */ from, /** @type {number} */ to) => Math.round(to - from) / 1000
    /** @type {Record<string, number>} */
    let firstSteps = {}
    let first = 0
    if (firstDir) {
      // The edited records' own pages, fast: what changed since the last publish, read in full
      // (site/lib/changed-reads.ts), everything else as the last publish read it. Its pages show
      // nothing older than the live site and nothing the CMS does not hold.
      const fast = await pass(false)
      const keyedAt = performance.now()
      const own = fast.toRender.filter((p) => p.ownPage)
      await renderInto(firstDir, own)
      first = own.length
      firstSteps = { fastLoad: seconds(t0, fast.loadedAt), fastKeys: seconds(fast.loadedAt, keyedAt), first: seconds(keyedAt, performance.now()) }
      await progress?.({ first })
    }
    // The publish itself, from whole reads: a record changed behind the CMS's back (its updatedAt
    // unchanged: a script writing SQL) is seen here, its pages made again, and what must be left
    // out or never shown is known to the checks that follow. The first pages are rendered again
    // with the rest (the build moves in only files that differ).
    const passStarted = performance.now()
    const { loadedAt, toRender } = await pass(true)
    const keyedAt = performance.now()
    await renderInto(outDir, toRender)
    const rendered = performance.now()
    // The slowest pages, for whoever measures a publish (the pages that list every entry, at scale).
    const slowest = times.sort((a, b) => b.ms - a.ms).slice(0, 5)
    return {
      rendered: toRender.length,
      first,
      steps: { load: seconds(passStarted, loadedAt), keys: seconds(loadedAt, keyedAt), render: seconds(keyedAt, rendered), ...firstSteps },
      slowest,
      loaded,
    }
  }


  /**
   * A publish in which nothing changed, into `dir`, thrown away: run once after adopt(), while
   * nobody waits, so that the first publish an editor makes costs what the later ones do. It pays
   * the loaders' first reads (a large collection's is whole, site/lib/changed-reads.ts), the pages'
   * first renders and what they keep between publishes (the open-data file's pieces).
   * @param {string} dir
   */
  async rehearse(dir) {
    const keys = `${dir}.keys.jsonl`
    // Its pages are nobody's: no records-left-out or never-show files from an earlier publish.
    for (const name of ['SITE_EXCLUSIONS_FILE', 'SITE_SECRETS_FILE']) delete process.env[name]
    try {
      // This very publish's keys as the previous ones: no page changed, so only the pages without keys render.
      await this.publish({ outDir: dir, env: { SITE_PAGE_KEYS_FILE: keys, SITE_PREVIOUS_KEYS: keys } })
    } finally {
      await rm(dir, { recursive: true, force: true })
      await rm(keys, { force: true })
    }
  }

  /**
   * What a changed-pages build renders: every path of a route without keys (no getStaticPaths, or
   * one that gives no keys), and a keyed route's paths whose key changed. A page set that differs
   * from the live site's is refused, as site/lib/incremental.ts changedOnly refuses it.
   * `ownPage`: a changed page of a route that shows one record (not a listing, see changedOnly).
   * @param {{ pathname: string, route: any }[]} paths @param {Map<string, string>} keys @param {Map<string, string>} before
   * @param {Set<string>} listings
   */
  #pick(paths, keys, before, listings) {
    const routeOf = (/** @type {string} */ line) => line.slice(0, line.indexOf(' '))
    for (const route of new Set([...keys.keys(), ...before.keys()].map(routeOf))) {
      const now = [...keys.keys()].filter((k) => routeOf(k) === route)
      const then = [...before.keys()].filter((k) => routeOf(k) === route)
      if (now.length !== then.length || now.some((k) => !before.has(k))) throw new Error(`${this.fullBuildNeeded}: the pages of ${route} changed`)
    }
    const keyedRoutes = new Set([...keys.keys()].map(routeOf))
    const keyed = (/** @type {any} */ route) => [...keyedRoutes].find((name) => componentsOf(name).includes(route.component))
    // The files of the keyed paths whose key changed, found through their params.
    const changed = new Set()
    const wanted = [...keys].filter(([k, v]) => before.get(k) !== v).map(([k]) => ({ route: routeOf(k), params: JSON.parse(k.slice(k.indexOf(' ') + 1)) }))
    const found = new Set()
    for (const p of paths) {
      const name = keyed(p.route)
      if (!name) continue
      for (const w of wanted)
        if (w.route === name && trimmed(pathnameOf(p.route, w.params)) === trimmed(p.pathname)) {
          changed.add(outFileOf(p.route, p.pathname))
          found.add(w)
        }
    }
    // A changed key that names no page would leave that page stale: refuse rather than guess.
    const lost = wanted.filter((w) => !found.has(w))
    if (lost.length) throw new Error(`The warm renderer found no page for ${lost.length} changed key(s), e.g. ${lost[0]?.route} ${JSON.stringify(lost[0]?.params)}.`)
    /** @type {{ pathname: string, route: any, file: string, ownPage: boolean }[]} */
    const toRender = []
    const seen = new Set()
    for (const p of paths) {
      const file = outFileOf(p.route, p.pathname)
      if (seen.has(file)) continue // the first route that claims a path wins, as in Astro's generate.js
      seen.add(file)
      const name = keyed(p.route)
      if (!name || changed.has(file)) toRender.push({ ...p, file, ownPage: changed.has(file) && !listings.has(name) })
    }
    return toRender
  }
}
