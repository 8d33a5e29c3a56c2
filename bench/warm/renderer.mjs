/**
 * A warm renderer (issue 19 spike, bench/warm/README.md): one `astro build` whose process stays
 * running, holding the prerender app it rendered every page with and its content store, and
 * renders a publish's changed pages with them — no new `astro build`, no Vite, no store to
 * serialise or bundle again.
 *
 * Why this gives the full build's bytes: it IS the full build's renderer. The pages, the manifest
 * (asset file names, the CSP hashes of security.csp), hreflang, Pagefind attributes all come from
 * the same bundle the full build rendered with (integration.mjs keeps it); only the records in the
 * content store change, replaced the way the loader would store them (payload-loader.ts: the
 * digest of the record as read, the site's zod schema).
 *
 * Which pages a publish renders is the product's own rule (site/lib/incremental.ts): every
 * getStaticPaths() is asked again (its keys written to SITE_PAGE_KEYS_FILE) and the pages whose key
 * changed are rendered, with every page that has no getStaticPaths() (home, the directory,
 * listings, feeds, the open-data file, 404). A page set that changes (a new or unpublished record,
 * a new slug) is refused: that needs a full build, as in the product.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import path from 'node:path'
import xxhash from 'xxhash-wasm'
import { build } from 'astro'
import { DATA_STORE, HELD } from './integration.mjs'

const READS = Symbol.for('csp-hub:build-reads')

/** @param {string} file @returns {Map<string, string>} "route params" → key */
function readKeys(file) {
  const keys = new Map()
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const { route, params, key } = JSON.parse(line)
    keys.set(`${route} ${params}`, key)
  }
  return keys
}

/** Where `astro build` (build.format 'directory', trailingSlash 'always') writes a path. */
export function outFileOf(route, pathname) {
  if (route.route === '/404') return '404.html'
  const rel = pathname.replace(/^\/+/, '')
  if (route.type === 'endpoint') return rel
  return rel === '' ? 'index.html' : path.join(rel.replace(/\/+$/, ''), 'index.html')
}

/** The URL `astro build` renders a path at (generate.js getUrlForPath, directory format). */
function urlOf(route, pathname, origin) {
  if (pathname === '/' || pathname === '') return new URL('/', origin)
  if (route.type === 'endpoint') return new URL(/\.[a-z0-9]+$/i.test(pathname) ? pathname : pathname.replace(/\/?$/, '/'), origin)
  return new URL(pathname.replace(/\/?$/, '/'), origin)
}

export class WarmRenderer {
  /** @type {any} */ app
  /** @type {any} */ prerenderer
  /** @type {Map<string, Map<string, any>>} */ store
  /** @type {Map<string, string>} */ keys
  /** @type {(s: string) => string} */ digestOf
  /** @type {string} */ liveDir
  /** @type {string} */ workDir
  origin = 'http://localhost:4321'
  /** @type {Record<string, number>} */ lastStart = {}

  /**
   * The one-off start: a full `astro build` of the site into `liveDir` (the live folder), with
   * its page keys, after which the renderer and the store stay in this process.
   */
  async start({ configFile, liveDir, workDir }) {
    this.liveDir = liveDir
    this.workDir = workDir
    mkdirSync(workDir, { recursive: true })
    const keysFile = path.join(workDir, 'keys-0.jsonl')
    rmSync(keysFile, { force: true })
    process.env.SITE_PAGE_KEYS_FILE = keysFile
    const t0 = performance.now()
    await build({ configFile, outDir: liveDir, logLevel: 'warn' })
    const t1 = performance.now()
    const held = globalThis[HELD]
    if (!held?.app) throw new Error('warm renderer: the build did not keep its prerender app (integration.mjs)')
    this.app = held.app
    this.prerenderer = held.prerenderer
    this.store = (await globalThis[DATA_STORE].get()).collections()
    this.keys = readKeys(keysFile)
    const { h64ToString } = await xxhash()
    this.digestOf = (s) => h64ToString(s)
    this.origin = new URL(this.app.manifest.site ?? 'http://localhost:4321').origin
    this.lastStart = { buildSeconds: (t1 - t0) / 1000 }
    return this.lastStart
  }

  /**
   * Replaces (never adds or removes) records of one content collection, as the collection's loader
   * would store them: the digest of the record as read, the data as the schema parses it. `parse`
   * is the collection's zod schema's safeParse; a record it refuses is refused here (the product
   * leaves it out, which changes the page set: a full build).
   */
  replaceRecords(collection, docs, parse, idField = 'slug') {
    const entries = this.store.get(collection)
    if (!entries) throw new Error(`warm renderer: no collection ${collection}`)
    for (const doc of docs) {
      const id = String(doc[idField] ?? doc.id)
      if (!entries.has(id)) throw new Error(`warm renderer: ${collection} ${id} is new: a full build is needed`)
      const result = parse(doc)
      if (!result.success) throw new Error(`warm renderer: ${collection} ${id} fails the site's schema: a full build is needed`)
      entries.set(id, { id, data: result.data, digest: this.digestOf(JSON.stringify(doc)) })
    }
  }

  /** What a loader read for a page that needs the very same read (site/lib/build-reads.ts), e.g. the open-data file. */
  keepRead(collection, query, docs) {
    const reads = (globalThis[READS] ??= new Map())
    reads.set(collection, { collection, query: JSON.stringify([query.depth, query.where ?? null, query.sort ?? null]), docs })
  }

  /**
   * Renders the pages the store's changes touch and swaps them into the live folder one file at
   * a time (each by rename, as scripts/lib/site-build.ts moveInto does), leaving a page whose bytes
   * did not change in place. Returns what was rendered and how long each step took.
   */
  async publish({ first } = {}) {
    const t0 = performance.now()
    this.#t0 = t0
    // Astro caches each route's getStaticPaths() for the build; the store changed under it.
    this.app.routeCache?.clearAll?.()
    const stamp = `${process.pid}-${Date.now()}`
    const keysFile = path.join(this.workDir, `keys-${stamp}.jsonl`)
    process.env.SITE_PAGE_KEYS_FILE = keysFile
    let paths
    try {
      paths = await this.prerenderer.getStaticPaths()
    } finally {
      delete process.env.SITE_PAGE_KEYS_FILE
    }
    const keys = existsSync(keysFile) ? readKeys(keysFile) : new Map()
    rmSync(keysFile, { force: true })
    const t1 = performance.now()
    const same = keys.size === this.keys.size && [...keys.keys()].every((k) => this.keys.has(k))
    if (!same) throw new Error('warm renderer: the set of pages changed: a full build is needed')
    const changedKeys = new Set([...keys].filter(([k, v]) => this.keys.get(k) !== v).map(([k]) => k))
    // Paths of routes with getStaticPaths() carry their params; route keys name the route file.
    const byKeyedPath = (p) => !p.route.pathname
    const toRender = []
    const seen = new Set()
    for (const p of paths) {
      const file = outFileOf(p.route, p.pathname)
      if (seen.has(file)) continue // the first route that claims a path wins, as in generate.js
      seen.add(file)
      if (!byKeyedPath(p)) toRender.push({ ...p, file })
    }
    // A keyed path is rendered when its route's key for its params changed: match through the page's file.
    const changedFiles = this.#changedFiles(changedKeys, paths)
    for (const p of paths) {
      const file = outFileOf(p.route, p.pathname)
      if (byKeyedPath(p) && changedFiles.has(file) && !toRender.some((r) => r.file === file)) toRender.push({ ...p, file })
    }
    // `first` (files): rendered before the rest and swapped in at once, so the edited record's own
    // page is served before its listings are rendered (the bench polls that page for "live").
    if (first) toRender.sort((a, b) => Number(first.includes(b.file)) - Number(first.includes(a.file)))
    let firstLiveSeconds
    const t2 = performance.now()
    const staging = path.join(this.liveDir, `.warm-${stamp}`)
    const rendered = []
    const renderMs = []
    for (const { pathname, route, file } of toRender) {
      if (first && firstLiveSeconds === undefined && !first.includes(file)) firstLiveSeconds = (await this.#swapIn(rendered, staging)).at(-1) ?? (performance.now() - t0) / 1000
      const r0 = performance.now()
      const request = new Request(urlOf(route, pathname, this.origin))
      const { response } = await this.prerenderer.render(request, { routeData: route })
      if (response.status >= 300 && !(response.status === 404 && route.route === '/404')) throw new Error(`warm renderer: ${pathname} answered ${response.status}`)
      const body = Buffer.from(await response.arrayBuffer())
      renderMs.push(performance.now() - r0)
      rendered.push({ file, body, pathname, component: route.component })
    }
    const t3 = performance.now()
    await this.#swapIn(rendered, staging)
    rmSync(staging, { recursive: true, force: true })
    this.keys = keys
    const t4 = performance.now()
    const moved = this.#moved.splice(0)
    return {
      seconds: (t4 - t0) / 1000,
      firstLiveSeconds: first ? (firstLiveSeconds ?? (t4 - t0) / 1000) : undefined,
      steps: { keysSeconds: (t1 - t0) / 1000, pickSeconds: (t2 - t1) / 1000, renderSeconds: (t3 - t2) / 1000, writeSeconds: (t4 - t3) / 1000 },
      rendered: rendered.map((r) => ({ file: r.file, ms: Math.round(renderMs[rendered.indexOf(r)] * 10) / 10 })),
      changed: moved.map((m) => m.file),
    }
  }

  #moved = []
  #t0 = 0
  /**
   * Swaps rendered files not yet swapped into the live folder: only bytes that changed, each
   * written beside the live folder's, then renamed (a visitor gets the old page or the new one).
   * Returns when the last one went live, in seconds since the publish began.
   */
  async #swapIn(rendered, staging) {
    const pending = rendered.filter((r) => !r.swapped)
    const moved = []
    for (const r of pending) {
      r.swapped = true
      const live = path.join(this.liveDir, r.file)
      if (existsSync(live) && readFileSync(live).equals(r.body)) continue
      const beside = path.join(staging, r.file)
      mkdirSync(path.dirname(beside), { recursive: true })
      writeFileSync(beside, r.body)
      moved.push({ beside, live, file: r.file })
    }
    for (const { beside, live } of moved) {
      mkdirSync(path.dirname(live), { recursive: true })
      await rename(beside, live)
    }
    this.#moved.push(...moved)
    return moved.length ? [(performance.now() - this.#t0) / 1000] : []
  }

  /**
   * The output files of the keyed paths whose key changed. A key line names the route file and
   * the params (site/lib/incremental.ts changedOnly); a path names its route component.
   */
  #changedFiles(changedKeys, paths) {
    const files = new Set()
    if (!changedKeys.size) return files
    const wanted = [...changedKeys].map((k) => {
      const i = k.indexOf(' ')
      return { route: k.slice(0, i), params: JSON.parse(k.slice(i + 1)) }
    })
    const found = new Set()
    for (const p of paths) {
      if (p.route.pathname) continue
      for (const w of wanted) {
        if (![`site/pages/${w.route}.astro`, `site/pages/${w.route}.ts`, `site/pages/${w.route}/index.astro`].includes(p.route.component)) continue
        const pathname = '/' + p.route.segments.map((seg) => seg.map((part) => (part.dynamic ? w.params[part.content] : part.content)).join('')).join('/')
        if (pathname.replace(/\/+$/, '') === p.pathname.replace(/\/+$/, '')) {
          files.add(outFileOf(p.route, p.pathname))
          found.add(w)
        }
      }
    }
    // A changed key that names no page would leave that page stale: refuse rather than guess.
    const lost = wanted.filter((w) => !found.has(w))
    if (lost.length) throw new Error(`warm renderer: no page found for changed keys ${JSON.stringify(lost)}`)
    return files
  }
}

/** A short, stable fingerprint of a folder's files (for logs). */
export const fingerprint = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 12)
