/**
 * Faults the product must survive (issue 12), each on its own throwaway database and site folder:
 * - the seeder and the Open Referral import killed (SIGKILL) in the middle of their write
 *   transaction leave nothing behind, and run again cleanly;
 * - the site server keeps answering, with whole pages, while ten publishes rebuild the site;
 * - 60 authenticated writes at once all succeed and all stay written;
 * - a build that cannot write its output (a full disk) leaves the last good site live and says why;
 * - the whole product killed during a site build: the database is intact, no lock is left in the
 *   way, the site stays served, and after a restart the next publish goes live.
 * The measured figures are printed (console.log) for the README.
 */
import { execFileSync, spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statfsSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toHsdsService } from '../../cms/openreferral/map'
import { loadContent } from '../../cms/seed/load'
import { serveStatic } from '../../site/serve'
import { throwawayEnv } from '../helpers/env'
import { freePort } from '../helpers/ports'
import { killAllWithEnv, processesWithEnv } from '../helpers/processes'
import { readLoad, sleep, startProduct, stopProduct, until, type Product } from '../helpers/product'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { inspectSqlite, sqliteWriterActive } from '../helpers/sqlite-file'

const tsx = path.resolve('node_modules/.bin/tsx')
const dbFile = (env: { DATABASE_URI: string }) => env.DATABASE_URI.slice('file:'.length)

/** Runs a script; with `killWhen`, SIGKILLs it (and its tsx child) once that returns true. */
async function runScript(env: ReturnType<typeof throwawayEnv>, args: string[], killWhen?: (output: string) => boolean) {
  const child = spawn(tsx, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (c) => (output += c))
  child.stderr.on('data', (c) => (output += c))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  let killedAfterMs: number | undefined
  if (killWhen) {
    const started = Date.now()
    while (child.exitCode === null && !killWhen(output)) await sleep(50)
    if (child.exitCode === null) {
      killedAfterMs = Date.now() - started
      await killAllWithEnv('TEST_DIR', env.TEST_DIR)
    }
  }
  const { code, signal } = await exited
  return { code, signal, output, killedAfterMs }
}

/** Waits until the process is inside its write transaction, then `forMs` more, so the kill lands mid-write. */
const midTransaction = (file: string, after: RegExp | null, forMs: number) => {
  let since = 0
  return (output: string) => {
    if (after && !after.test(output)) return false
    if (!since && sqliteWriterActive(file)) since = Date.now()
    return since > 0 && Date.now() - since >= forMs
  }
}

describe('killed during a seed', () => {
  let env: ReturnType<typeof throwawayEnv>

  it('leaves nothing of the seed behind, and seeding again gives exactly content/', async () => {
    env = throwawayEnv('fault-seed')
    const bundle = await loadContent(path.resolve('content'))
    const expected: Record<string, number> = {
      organisations: bundle.organisations.length,
      partnerships: bundle.partnerships.length,
      strategies: bundle.strategies.length,
      priorities: bundle.strategies.reduce((n, s) => n + (s.priorities?.length ?? 0), 0),
      services: bundle.services.length,
      news: bundle.news.length,
      meetings: bundle.meetings.length,
      agenda_items: bundle.meetings.reduce((n, m) => n + (m.agenda?.length ?? 0), 0),
    }
    const tables = Object.keys(expected)

    // Migrations and the first admin come before the seed's own transaction; kill 0.2 s into that
    // (on a quiet machine the whole seed's transaction can take under a second).
    const killed = await runScript(env, ['scripts/seed.ts'], midTransaction(dbFile(env), /Created the first admin/, 200))
    expect(killed.signal, killed.output).toBe('SIGKILL')
    expect(killed.output).not.toContain('Seeded from')
    expect(processesWithEnv('TEST_DIR', env.TEST_DIR)).toEqual([])
    const after = inspectSqlite(dbFile(env), tables)
    expect(after.integrity).toBe('ok')
    expect(after.counts).toEqual(Object.fromEntries(tables.map((t) => [t, 0])))

    const again = await runScript(env, ['scripts/seed.ts'])
    expect(again.code, again.output).toBe(0)
    expect(again.output).not.toMatch(/[1-9]\d* updated/) // nothing was there to update
    const seeded = inspectSqlite(dbFile(env), tables)
    expect(seeded.integrity).toBe('ok')
    expect(seeded.counts).toEqual(expected)
    console.log(`seed killed ${killed.killedAfterMs} ms after start, 0.2 s into its transaction: 0 records left; re-seed wrote ${JSON.stringify(seeded.counts)}`)
  }, 180_000)

  it('an Open Referral import killed mid-write leaves nothing of it; importing again succeeds', async () => {
    // A generated feed big enough that the import's transaction lasts several seconds here.
    const services = 250
    const orgs = Array.from({ length: 10 }, (_, i) => ({ uuid: randomUUID(), name: `Fault test organisation ${i}`, type: 'charity' as const, website: 'https://example.org.uk/' }))
    const feed = Array.from({ length: services }, (_, i) =>
      toHsdsService({
        uuid: randomUUID(),
        name: `Fault test service ${i}`,
        description: `Generated entry ${i} for the import fault test.`,
        organisation: orgs[i % orgs.length],
        categories: ['domestic-abuse'],
        audiences: ['women'],
        areas: ['newham'],
        accessModes: ['phone'],
      }),
    )
    const file = path.join(env.TEST_DIR, 'feed.json')
    writeFileSync(file, JSON.stringify({ total_items: services, contents: feed }))
    const tables = ['services', 'organisations', '_services_v', '_organisations_v']
    const before = inspectSqlite(dbFile(env), tables).counts

    const killed = await runScript(env, ['scripts/import-openreferral.ts', file], midTransaction(dbFile(env), null, 2000))
    expect(killed.signal, killed.output).toBe('SIGKILL')
    expect(killed.output).not.toContain('Imported from')
    const after = inspectSqlite(dbFile(env), tables)
    expect(after.integrity).toBe('ok')
    expect(after.counts).toEqual(before)

    const started = performance.now()
    const again = await runScript(env, ['scripts/import-openreferral.ts', file])
    expect(again.code, again.output).toBe(0)
    expect(again.output).toContain(`Directory entries created (as drafts): ${services}`)
    const imported = inspectSqlite(dbFile(env), tables)
    expect(imported.integrity).toBe('ok')
    expect(imported.counts.services).toBe(before.services! + services)
    expect(imported.counts.organisations).toBe(before.organisations! + orgs.length)
    console.log(
      `import of ${services} services killed 2 s into its transaction (${killed.killedAfterMs} ms after start): 0 records left; re-import took ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
  }, 180_000)
})

describe('the running product', () => {
  let env: ReturnType<typeof throwawayEnv> & Record<string, string>
  let product: Product | undefined
  let api: ReturnType<typeof restClient>
  let admin: Session
  let site = ''
  let dist = ''
  let disk = ''
  let blockWrites: () => void
  let unblockWrites: () => void = () => undefined
  let blockedBy = ''
  let unmount: () => void = () => undefined

  type Build = { id: number; status: string; startedAt: string; finishedAt?: string; error?: string; trigger: string }
  const builds = async () => (await api.call(admin, 'GET', '/site-builds?limit=200&sort=id')).json.docs as Build[]
  // Settled by the build's lock, not only the log: a row can read 'failed' while its build still
  // runs (see below). Not by the processes: the CMS keeps its next build forked ahead and waiting.
  const lockDir = () => path.join(process.cwd(), '.data', 'site-builds', createHash('sha1').update(path.resolve(dist)).digest('hex').slice(0, 12))
  const building = () => {
    try {
      process.kill(Number(readFileSync(path.join(lockDir(), 'build.lock'), 'utf8')), 0)
      return true
    } catch {
      return false
    }
  }
  const settled = async () => !building() && (await builds()).every((b) => b.status !== 'running')
  /** What the build log said about each build while the read-load test ran: id → statuses in order. */
  const logHistory = new Map<number, string[]>()
  let loadBuilds: Build[] = []
  const page = async (route: string) => {
    const response = await fetch(`${site}${route}`)
    return { status: response.status, text: await response.text() }
  }
  const news = async () => (await api.call(admin, 'GET', '/news?limit=1&where[_status][equals]=published&depth=0')).json.docs[0] as { id: number; slug: string; title: string }

  beforeAll(async () => {
    const base = throwawayEnv('fault-product')
    // The site folder sits alone on a small file system of its own, so the full-disk test can fill
    // it. Tests run as root, and root ignores file modes (chmod 555 stops nothing), so the
    // obstacles are ones root cannot pass: a tmpfs whose size is then cut to what it already
    // holds (ENOSPC, a real full disk), or where mount is not allowed, the immutable attribute
    // (chattr +i: EPERM even for root), or for a non-root run plain chmod.
    disk = path.join(base.TEST_DIR, 'disk')
    mkdirSync(disk)
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512m', 'tmpfs', disk], { stdio: 'pipe' })
      unmount = () => execFileSync('umount', ['-l', disk], { stdio: 'pipe' })
      blockedBy = 'a full disk (tmpfs cut to its current use)'
      blockWrites = () => {
        const { blocks, bfree, bsize } = statfsSync(disk)
        execFileSync('mount', ['-o', `remount,size=${Math.ceil(((blocks - bfree) * bsize) / 1024) + 16}k`, disk], { stdio: 'pipe' })
        unblockWrites = () => execFileSync('mount', ['-o', 'remount,size=512m', disk], { stdio: 'pipe' })
      }
    } catch {
      const immutable = process.getuid?.() === 0
      blockedBy = immutable ? 'an immutable folder (chattr +i)' : 'a read-only folder (chmod 555)'
      blockWrites = () => {
        execFileSync(immutable ? 'chattr' : 'chmod', [immutable ? '+i' : '555', disk])
        unblockWrites = () => execFileSync(immutable ? 'chattr' : 'chmod', [immutable ? '-i' : '755', disk])
      }
    }
    const [cmsPort, sitePort] = [await freePort(), await freePort()]
    dist = path.join(disk, 'dist')
    env = {
      ...base,
      CMS_PORT: String(cmsPort),
      SITE_PORT: String(sitePort),
      CMS_PUBLIC_URL: `http://127.0.0.1:${cmsPort}`,
      SITE_DIST_DIR: dist,
      SITE_REBUILD_DEBOUNCE_MS: '500',
    } as typeof env
    product = await startProduct(env)
    site = `http://127.0.0.1:${sitePort}`
    api = restClient(`http://127.0.0.1:${cmsPort}`)
    admin = await api.admin()
  }, 400_000)

  afterAll(async () => {
    unblockWrites()
    await stopProduct(product)
    await killAllWithEnv('TEST_DIR', env?.TEST_DIR ?? '/nonexistent').catch(() => undefined)
    try {
      unmount()
    } catch {
      // already gone
    }
  }, 60_000)

  it('the site server answers every request with a whole page while ten publishes rebuild the site', async () => {
    await until('the build log to settle', settled)
    const buildsBefore = Math.max(0, ...(await builds()).map((b) => b.id))
    const service = (await api.call(admin, 'GET', '/services?limit=1&where[_status][equals]=published&depth=0')).json.docs[0]
    const story = await news()
    const paths = ['/', '/support/', `/services/${service.slug}/`, '/news/', `/news/${story.slug}/`]
    for (const route of paths) expect((await page(route)).status, route).toBe(200)

    const load = readLoad(site, paths, { concurrency: 4 })
    let watching = true
    const watcher = (async () => {
      while (watching) {
        for (const b of (await builds()).filter((b) => b.id > buildsBefore)) {
          const seen = logHistory.get(b.id) ?? []
          if (seen.at(-1) !== b.status) logHistory.set(b.id, [...seen, b.status])
        }
        await sleep(250)
      }
    })()
    const started = Date.now()
    let title = ''
    for (let i = 1; i <= 10; i++) {
      title = `Rebuild under load ${i} ${Date.now()}`
      expect((await api.call(admin, 'PATCH', `/news/${story.id}`, { title })).status).toBe(200)
      await sleep(1800)
    }
    await until('the last publish on the site', async () => (await page(`/news/${story.slug}/`)).text.includes(title), 120_000)
    await until('the build log to settle', settled)
    const { requests, failures } = await load.stop()
    watching = false
    await watcher
    loadBuilds = (await builds()).filter((b) => b.id > buildsBefore)
    const made = loadBuilds.filter((b) => b.trigger !== 'npm start')
    console.log(
      `read load during 10 publishes: ${requests} requests (4 readers, ${paths.length} pages) in ${((Date.now() - started) / 1000).toFixed(0)} s, ${failures.length} failed; ${made.length} builds (${made.map((b) => `${b.id} ${b.status}`).join(', ')})`,
    )
    expect(failures, failures.slice(0, 10).join('\n')).toEqual([])
    expect(made.length).toBeGreaterThan(1)
    expect(made.every((b) => b.status === 'succeeded')).toBe(true)
  }, 240_000)

  // Found by this file: each build's own Astro loader opens Payload with the CMS's environment
  // (CSP_HUB_PUBLISH=on, CSP_HUB_STARTUP_BUILD), so the start-up bookkeeping of cms/publishing
  // runs inside every build — marking the build itself failed while it runs and adding a copy of
  // the "npm start" row.
  it('the build log shows each build running until it ends, and only the builds there were', () => {
    const history = [...logHistory].map(([id, statuses]) => `${id}: ${statuses.join(' → ')}`)
    const startupRows = loadBuilds.filter((b) => b.trigger === 'npm start')
    console.log(`build log during the read load: ${history.join('; ')}; ${startupRows.length} "npm start" rows added`)
    expect(history.filter((h) => /failed → succeeded/.test(h))).toEqual([])
    expect(startupRows).toEqual([])
  })

  it('60 authenticated writes at once: all acknowledged, none lost', async () => {
    await until('the build log to settle', settled)
    const stamp = Date.now()
    const editors: Session[] = []
    for (let i = 0; i < 6; i++) {
      const email = `fault-editor-${i}-${stamp}@example.org`
      const created = await api.call(admin, 'POST', '/users', { name: `Editor ${i}`, email, password: PASSWORD, role: 'editor' })
      expect(created.status, JSON.stringify(created.json)).toBe(201)
      editors.push(await api.login(email, PASSWORD))
    }
    // Different records: every published directory entry, then draft news stories to make 60.
    const services = (await api.call(admin, 'GET', '/services?limit=60&where[_status][equals]=published&depth=0')).json.docs as { id: number }[]
    const targets: { collection: 'services' | 'news'; id: number; field: string }[] = services.map((s) => ({ collection: 'services', id: s.id, field: 'description' }))
    for (let i = targets.length; i < 60; i++) {
      const created = await api.call(admin, 'POST', '/news?draft=true', { title: `Concurrency draft ${i} ${stamp}`, date: '2026-01-01', summary: 'Draft for the concurrency test.', _status: 'draft' })
      expect(created.status, JSON.stringify(created.json)).toBe(201)
      targets.push({ collection: 'news', id: created.json.doc.id, field: 'title' })
    }
    const value = (i: number) => `Concurrent write ${i} at ${stamp}`
    const started = performance.now()
    const answers = await Promise.all(
      targets.map(({ collection, id, field }, i) =>
        api.call(editors[i % editors.length]!, 'PATCH', `/${collection}/${id}${collection === 'news' ? '?draft=true' : ''}`, {
          [field]: value(i),
          ...(collection === 'news' ? { _status: 'draft' } : {}),
        }),
      ),
    )
    const seconds = (performance.now() - started) / 1000
    const errors = answers.map((a, i) => (a.status === 200 ? null : `${targets[i]!.collection}/${targets[i]!.id}: ${a.status} ${JSON.stringify(a.json).slice(0, 200)}`)).filter(Boolean)
    const lost: string[] = []
    for (const [i, { collection, id, field }] of targets.entries()) {
      if (answers[i]!.status !== 200) continue
      const read = await api.call(admin, 'GET', `/${collection}/${id}?draft=true&depth=0`)
      if (read.json?.[field] !== value(i)) lost.push(`${collection}/${id}: ${JSON.stringify(read.json?.[field])}`)
    }
    const acknowledged = answers.filter((a) => a.status === 200).length
    console.log(`60 concurrent writes from 6 editors (${services.length} services, ${60 - services.length} news): ${acknowledged}/60 acknowledged in ${seconds.toFixed(1)} s, ${lost.length} lost`)
    expect(errors).toEqual([])
    expect(lost).toEqual([])
  }, 180_000)

  it('a build that cannot write its output leaves the last good site live, and the build log says why', async () => {
    await until('the build log to settle', settled, 180_000)
    const story = await news()
    const live = await page(`/news/${story.slug}/`)
    expect(live.status).toBe(200)
    const buildsBefore = Math.max(0, ...(await builds()).map((b) => b.id))
    blockWrites()
    try {
      const title = `Cannot be written ${Date.now()}`
      expect((await api.call(admin, 'PATCH', `/news/${story.id}`, { title })).status).toBe(200)
      await until('a build to start', async () => (await builds()).some((b) => b.id > buildsBefore && b.trigger !== 'npm start'), 60_000)
      await until('the build to end', settled, 120_000)
      const failed = (await builds()).filter((b) => b.id > buildsBefore).find((b) => b.trigger !== 'npm start')!
      console.log(`blocked by ${blockedBy}: build ${failed.status}: ${failed.error}`)
      expect(failed.status).toBe('failed')
      expect(failed.error).toMatch(/ENOSPC|no space left|EPERM|operation not permitted|EACCES|permission denied/i)
      const now = await page(`/news/${story.slug}/`)
      expect(now.status).toBe(200)
      expect(now.text).toBe(live.text)
      // Nothing half-written is left beside the live site to fill the disk further.
      expect(readdirSync(disk).sort()).toEqual(['dist'])
    } finally {
      unblockWrites()
    }
    const title = `Written again ${Date.now()}`
    expect((await api.call(admin, 'PATCH', `/news/${story.id}`, { title })).status).toBe(200)
    await until('the next publish on the site', async () => (await page(`/news/${story.slug}/`)).text.includes(title), 120_000)
  }, 300_000)

  describe('killed (SIGKILL, every process) during a site build', () => {
    let killedBuild: Build | undefined

    it('keeps the site served, the database intact and no lock in the way; after a restart the next publish goes live', async () => {
      await until('the build log to settle', settled, 180_000)
      // Our own server on the same folder, as a static host would serve it while the CMS is down.
      const host = serveStatic(dist)
      await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
      const hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
      const story = await news()
      // (The story's own page is not read: its address changes below.)
      const load = readLoad(hostUrl, ['/', '/support/', '/news/'], { concurrency: 2, pauseMs: 20 })
      let served: Awaited<ReturnType<typeof load.stop>>
      try {
        const title = `Killed mid-build ${Date.now()}`
        // A new address changes which pages exist, so this publish is a full build: the one that
        // writes a whole new site, and long enough for the kill to land in it (a changed-pages
        // publish by the warm renderer is over in well under a second at this size).
        story.slug = `killed-mid-build-${Date.now()}`
        expect((await api.call(admin, 'PATCH', `/news/${story.id}`, { title, slug: story.slug })).status).toBe(200)
        killedBuild = await until('its build in the log', async () => (await builds()).find((b) => b.trigger.includes(title)))
        // The worst moment: Astro is writing the new site into its build folder.
        await until('Astro to write its output', () => existsSync(lockDir()) && readdirSync(lockDir()).some((f) => /^build-\d+$/.test(f)), 90_000, 50)
        await sleep(300)
        const killed = await killAllWithEnv('TEST_DIR', env.TEST_DIR)
        await product!.exited
        console.log(`killed ${killed.length} processes mid-build: ${killed.map((p) => p.cmd.replace(/\s+/g, ' ').slice(0, 60)).join(' | ')}`)

        // What the power cut left behind.
        const lock = path.join(lockDir(), 'build.lock')
        console.log(`after the kill: build lock ${existsSync(lock) ? `left, holding dead pid ${readFileSync(lock, 'utf8')}` : 'gone'}; beside the site: ${readdirSync(disk).join(', ')}; build folders: ${readdirSync(lockDir()).join(', ')}`)
        const { integrity, counts } = inspectSqlite(dbFile(env), ['news', 'site_builds'])
        expect(integrity).toBe('ok')
        expect(counts.news).toBeGreaterThan(0)

        const restarted = performance.now()
        product = await startProduct(env)
        console.log(`restarted in ${((performance.now() - restarted) / 1000).toFixed(1)} s`)
      } finally {
        served = await load.stop()
        host.close()
      }
      const { requests, failures } = served
      console.log(`site read during kill and restart: ${requests} requests, ${failures.length} failed`)
      expect(failures, failures.slice(0, 10).join('\n')).toEqual([])

      // No lock in the way: the restart built the site, and the next publish goes live.
      const title = `After the restart ${Date.now()}`
      expect((await api.call(admin, 'PATCH', `/news/${story.id}`, { title })).status).toBe(200)
      await until('the next publish on the site', async () => (await page(`/news/${story.slug}/`)).text.includes(title), 120_000)
      await until('the build log to settle', settled, 120_000)
      const done = (await builds()).find((b) => b.trigger.includes(title))!
      expect(done.status).toBe('succeeded')
      expect(existsSync(path.join(lockDir(), 'build.lock'))).toBe(false)
      // Nothing of the killed build is left to fill the disk.
      expect(readdirSync(lockDir()).filter((f) => f.startsWith('build-'))).toEqual([])
      expect(readdirSync(disk).sort()).toEqual(['dist'])
    }, 400_000)

    it('marks the build the kill interrupted as failed after the restart, not running forever', async () => {
      expect(killedBuild).toBeDefined()
      const row = (await builds()).find((b) => b.id === killedBuild!.id)!
      expect(row.status).toBe('failed')
      expect(row.error).toBeTruthy()
    })

    it('puts the old site back when a build was killed between its two renames, before building', async () => {
      await until('the build log to settle', settled, 180_000)
      const story = await news()
      const live = await page(`/news/${story.slug}/`)
      // What a kill between switchIn's renames leaves: the live site moved aside, no dist/.
      const stamp = Date.now()
      renameSync(dist, path.join(disk, `.dist-previous-${stamp}`))
      const build = spawn(tsx, ['scripts/build.ts', '--skip-seed'], { env, stdio: 'ignore' })
      const exited = new Promise<number | null>((resolve) => build.once('exit', resolve))
      let buildFolderSeen = false
      await until('the site to be back', () => {
        buildFolderSeen ||= readdirSync(lockDir()).some((f) => /^build-\d+$/.test(f))
        return existsSync(dist)
      }, 120_000, 20)
      // Back before Astro even started writing the new site: the old one was put back.
      expect(buildFolderSeen).toBe(false)
      expect((await page(`/news/${story.slug}/`)).text).toBe(live.text)
      expect(await exited).toBe(0)
      expect(readdirSync(disk).sort()).toEqual(['dist'])
    }, 180_000)
  })
})
