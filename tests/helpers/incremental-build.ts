/**
 * The incremental-build suite (tests/int/incremental-build*.int.test.ts). A publish renders only the pages whose content changed (site/lib/incremental.ts) and writes them
 * into the live folder (scripts/lib/site-build.ts). The result must be the site a full build of the
 * same content makes, byte for byte — every page, feed, image and the search index — or a stale
 * page would stay live. Each case changes real content through the Local API, builds the live
 * folder as a publish does, builds the same content in full into another folder, and compares.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OnFirstLive } from '../../scripts/lib/site-build'
import { PARTLY_LIVE } from '../../cms/publishing/outcome'
import { throwawayPayload } from './payload'

/** The suite, with the changed pages rendered by a cold `astro build` per publish or by the warm renderer. */
export function incrementalBuildSuite(renderer: 'astro' | 'warm') {
  type Build = typeof import('../../scripts/lib/site-build')
  let payload: Payload
  let dir: string
  let site: Build
  let live: string

  /** Every file under `root` but the build's own stamp, with its bytes. */
  function tree(root: string): Map<string, Buffer> {
    const files = new Map<string, Buffer>()
    for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue
      const rel = path.relative(root, path.join(entry.parentPath, entry.name))
      if (rel !== '.csp-hub-build') files.set(rel, readFileSync(path.join(root, rel)))
    }
    return files
  }

  /** The paths whose bytes differ between two trees (or that only one has). */
  function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
    const names = new Set([...a.keys(), ...b.keys()])
    return [...names].filter((name) => !a.get(name)?.equals(b.get(name) ?? Buffer.alloc(0)) || !a.has(name) || !b.has(name)).sort()
  }

  /** Waits until the warm renderer has warmed up and waits for a publish. */
  async function warmedUp() {
    const end = Date.now() + 240_000
    while (!site.warmRendererWaiting()) {
      if (Date.now() > end) throw new Error('the warm renderer did not warm up in 4 minutes')
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  let fullBuilds = 0
  /** The live folder built as a publish builds it; then the same content in full elsewhere, compared. */
  async function publishAndCompare(onFirstLive?: OnFirstLive) {
    const result = await site.buildSite(process.env, { target: live, quiet: true, ...(onFirstLive ? { onFirstLive } : {}) })
    // Each changed-pages build came from the renderer under test, with nothing gone wrong in it.
    if (result.mode === 'changed pages') expect({ renderer: result.renderer, problem: result.warmProblem }).toEqual({ renderer, problem: undefined })
    const reference = path.join(dir, `full-${++fullBuilds}`)
    await site.buildSite(process.env, { target: reference, quiet: true, full: true })
    expect(differences(tree(live), tree(reference))).toEqual([])
    return result
  }

  const firstService = async () => (await payload.find({ collection: 'services', where: { _status: { equals: 'published' } }, sort: 'name', limit: 1, depth: 0 })).docs[0]!

  beforeAll(async () => {
    ;({ payload, dir } = await throwawayPayload('incremental'))
    process.env.SITE_DIST_DIR = live = path.join(dir, 'live')
    const { seedIfEmpty } = await import('../../cms/seed/seed')
    await seedIfEmpty(payload, path.resolve('content'))
    site = await import('../../scripts/lib/site-build')
    const first = await site.buildSite(process.env, { target: live, quiet: true })
    expect(first.mode).toBe('full')
    if (renderer === 'warm') {
      await site.keepWarm(process.env)
      await warmedUp()
    }
  }, 400_000)
  afterAll(async () => {
    site?.stopWarm()
    await payload?.destroy()
  })

  describe(`a publish renders only what changed (${renderer === 'warm' ? 'warm renderer' : 'astro build'}), and the site equals a full build`, () => {
    it('with nothing changed, renders only the pages that list everything, and leaves the search index', async () => {
      const index = statSync(path.join(live, 'pagefind')).ino
      const home = statSync(path.join(live, 'index.html')).ino
      const result = await publishAndCompare()
      // Rendered again but the same bytes: not replaced, and Pagefind not run (it swaps in a new folder).
      expect(statSync(path.join(live, 'pagefind')).ino).toBe(index)
      expect(statSync(path.join(live, 'index.html')).ino).toBe(home)
      expect(result.mode).toBe('changed pages')
      // Home, the directory, the 24-hour list, news, meetings, the 404 page: rendered every time.
      expect(result.rendered).toBeLessThan(10)
      // The warm-up's rehearsal publish paid the whole first read: this, the first real publish, reads what changed.
      if (renderer === 'warm') expect(result.warmSteps?.loaded?.find((line) => line.startsWith('services:'))).toMatch(/^services: \d+ published \(0 read again\)/)
    }, 300_000)

    it('a renamed directory entry: its page and the listings that show it', async () => {
      const service = await firstService()
      await payload.update({ collection: 'services', id: service.id, data: { name: `${service.name} (renamed)` } })
      const page = path.join('services', service.slug as string, 'index.html')
      const listing = path.join('support', 'index.html')
      expect(readFileSync(path.join(live, listing), 'utf8')).toContain(service.name)
      // What the live folder held when the warm renderer's first pages (the entry's own) went live.
      let seen: { files: string[]; page: string; listing: string } | undefined
      const result = await publishAndCompare(({ files }) => {
        seen = { files, page: readFileSync(path.join(live, page), 'utf8'), listing: readFileSync(path.join(live, listing), 'utf8') }
      })
      expect(result.mode).toBe('changed pages')
      expect(result.rendered).toBeGreaterThan(6)
      expect(result.rendered).toBeLessThan(result.pages / 2)
      expect(readFileSync(path.join(live, page), 'utf8')).toContain('(renamed)')
      expect(readFileSync(path.join(live, listing), 'utf8')).toContain(`${service.name} (renamed)`)
      if (renderer === 'warm') {
        // The entry's own page went live first, before the directory listing that names it.
        expect(seen?.files).toContain(page)
        // Listings wait, keyed or not: the directory, its filter pages, home, in every language.
        expect(seen?.files.filter((file) => /^([a-z]{2}\/)?(support\/|index\.html$)/.test(file))).toEqual([])
        expect(seen?.page).toContain('(renamed)')
        expect(seen?.listing).not.toContain(`${service.name} (renamed)`)
        expect(result.firstLive?.seconds).toBeLessThan(result.seconds)
      } else expect({ seen, firstLive: result.firstLive }).toEqual({ seen: undefined, firstLive: undefined })
    }, 300_000)

    // A publishing CMS holds its next build with the CMS already opened in it (astro-build.mjs):
    // what that build reads must be the database as it is at go, not as it was when it opened.
    // (The warm renderer opened it long before every edit of its suite.)
    if (renderer === 'astro')
    it('a build that opened the CMS before an edit, and waited, shows the edit', async () => {
      site.holdAstroStep(process.env)
      const end = Date.now() + 120_000
      while (!site.astroStepWaiting()) {
        if (Date.now() > end) throw new Error('the held Astro step did not load')
        await new Promise((r) => setTimeout(r, 100))
      }
      const service = await firstService()
      await payload.update({ collection: 'services', id: service.id, data: { name: `${service.name} (edited while a build waited)` } })
      const result = await publishAndCompare()
      expect(result.mode).toBe('changed pages')
      expect(readFileSync(path.join(live, 'services', service.slug as string, 'index.html'), 'utf8')).toContain('(edited while a build waited)')
    }, 300_000)

    it('a renamed organisation: the pages of its entries and of the partnerships that name it', async () => {
      const service = await firstService()
      const organisation = (await payload.findByID({ collection: 'organisations', id: service.organisation as number, depth: 0 })) as { id: number; name: string }
      await payload.update({ collection: 'organisations', id: organisation.id, data: { name: `${organisation.name} Trust` } })
      const result = await publishAndCompare()
      expect(result.mode).toBe('changed pages')
      expect(readFileSync(path.join(live, 'services', service.slug as string, 'index.html'), 'utf8')).toContain(`${organisation.name} Trust`)
    }, 300_000)

    it('an edited news story: its page, the listings, and the search index', async () => {
      const story = (await payload.find({ collection: 'news', limit: 1, depth: 0 })).docs[0]!
      await payload.update({ collection: 'news', id: story.id, data: { title: `${story.title} — updated` } })
      const indexBefore = readdirSync(path.join(live, 'pagefind')).sort()
      const result = await publishAndCompare()
      expect(result.mode).toBe('changed pages')
      expect(readdirSync(path.join(live, 'pagefind')).sort()).not.toEqual(indexBefore)
    }, 300_000)

    it('a changed Bengali interface string: the Bengali pages only (issue 20)', async () => {
      const bn = (await payload.find({ collection: 'languages', where: { code: { equals: 'bn' } }, depth: 0 })).docs[0] as unknown as { id: number; home: Record<string, string> }
      await payload.update({ collection: 'languages', id: bn.id, data: { home: { ...bn.home, title: `${bn.home.title} (সম্পাদিত)` } } as never })
      const bengaliPages = readdirSync(path.join(live, 'bn'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length
      const result = await publishAndCompare()
      expect(result.mode).toBe('changed pages')
      expect(result.rendered).toBeGreaterThanOrEqual(bengaliPages)
      // The pages rendered every time (fewer than 10, above), and the Bengali ones: no other language's.
      expect(result.rendered).toBeLessThan(bengaliPages + 10)
      expect(readFileSync(path.join(live, 'bn', 'index.html'), 'utf8')).toContain('(সম্পাদিত)')
    }, 300_000)

    it('a directory entry translated into Polish (issue 20): a new page; an edit to it renders Polish pages only; unpublishing the English entry removes it', async () => {
      const service = await firstService()
      const slug = service.slug as string
      const t = await payload.create({ collection: 'service-translations', data: { service: service.id, language: 'pl', name: 'Usługa po polsku', description: 'Opis po polsku.', translator: 'Zespół', lastChecked: '2026-11-20', _status: 'published' } as never })
      let result = await publishAndCompare()
      expect(result.mode).toBe('full')
      expect(readFileSync(path.join(live, 'pl', 'services', slug, 'index.html'), 'utf8')).toContain('Usługa po polsku')
      expect(readFileSync(path.join(live, 'pl', 'support', 'index.html'), 'utf8')).toContain(`<a href="/pl/services/${slug}/">Usługa po polsku</a>`)

      await payload.update({ collection: 'service-translations', id: t.id, data: { name: 'Usługa po polsku (poprawiona)' } as never })
      const polishPages = readdirSync(path.join(live, 'pl'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length
      result = await publishAndCompare()
      expect(result.mode).toBe('changed pages')
      // Its page and the Polish lists that show it, and the pages rendered every time: no other language's, not the English entry's.
      expect(result.rendered).toBeLessThan(polishPages + 10)
      expect(readFileSync(path.join(live, 'pl', 'support', 'index.html'), 'utf8')).toContain('Usługa po polsku (poprawiona)')

      await payload.update({ collection: 'services', id: service.id, data: { _status: 'draft' } })
      result = await publishAndCompare()
      expect(existsSync(path.join(live, 'pl', 'services', slug))).toBe(false)
      expect(existsSync(path.join(live, 'services', slug))).toBe(false)
      // Live again: its translation, still published, is built again.
      await payload.update({ collection: 'services', id: service.id, data: { _status: 'published' } })
      await publishAndCompare()
      expect(readFileSync(path.join(live, 'pl', 'services', slug, 'index.html'), 'utf8')).toContain('Usługa po polsku (poprawiona)')
    }, 600_000)

    it('changed site settings: every page', async () => {
      const settings = (await payload.findGlobal({ slug: 'site-settings' })) as { siteName: string }
      await payload.updateGlobal({ slug: 'site-settings', data: { siteName: `${settings.siteName} Online` } })
      const result = await publishAndCompare()
      expect(result.mode).toBe('changed pages')
      expect(result.rendered).toBe(result.pages)
    }, 300_000)

    if (renderer === 'warm')
      it("a build that fails after the entry's own page went live says which pages are live, and the next publish completes it", async () => {
        const service = await firstService()
        const page = path.join('services', service.slug as string, 'index.html')
        await payload.update({ collection: 'services', id: service.id, data: { name: `${service.name} (partly live)` } })
        // What goes wrong after the first pages are live: here the caller's own listener.
        const error = (await site.buildSite(process.env, { target: live, quiet: true, onFirstLive: () => Promise.reject(new Error('the listener failed')) }).catch((e: unknown) => e)) as Error
        expect(error.message.startsWith(PARTLY_LIVE)).toBe(true)
        expect(error.message).toContain(page)
        expect(error.message).toContain('the pages that list them were not updated: the listener failed')
        expect(readFileSync(path.join(live, page), 'utf8')).toContain('(partly live)')
        expect(readFileSync(path.join(live, 'support', 'index.html'), 'utf8')).not.toContain('(partly live)')
        const next = await publishAndCompare()
        expect(next.mode).toBe('changed pages')
        expect(readFileSync(path.join(live, 'support', 'index.html'), 'utf8')).toContain('(partly live)')
      }, 300_000)

    if (renderer === 'warm')
      it('a warm renderer that was killed: the publish is built by astro build, and a new one warms up for the next', async () => {
        process.kill(site.warmRendererPid()!, 'SIGKILL')
        const service = await firstService()
        await payload.update({ collection: 'services', id: service.id, data: { name: `${service.name} (after a kill)` } })
        const result = await site.buildSite(process.env, { target: live, quiet: true })
        expect({ mode: result.mode, renderer: result.renderer }).toEqual({ mode: 'changed pages', renderer: 'astro' })
        expect(readFileSync(path.join(live, 'services', service.slug as string, 'index.html'), 'utf8')).toContain('(after a kill)')
        await warmedUp()
        await payload.update({ collection: 'services', id: service.id, data: { name: `${service.name} (warm again)` } })
        const next = await publishAndCompare()
        expect(next.renderer).toBe('warm')
      }, 600_000)

    it('a new entry changes which pages exist: a full build, saying why', async () => {
      const { organisation } = await firstService()
      const data = { name: 'Example new advice line', organisation, description: 'An example entry for this test.', categories: ['housing'], audiences: ['everyone'], areas: ['newham'], _status: 'published' }
      await payload.create({ collection: 'services', data: data as never })
      const result = await publishAndCompare()
      expect(result.mode).toBe('full')
      expect(result.fullBecause).toMatch(/the pages of services\/\[slug\] changed/)
    }, 300_000)
  })

}
