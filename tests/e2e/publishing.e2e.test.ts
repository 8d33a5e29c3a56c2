/**
 * Publish to live, as `npm start` runs it: a change published through REST is served by the site
 * within seconds; quick saves make one build; builds never overlap; a build that fails its checks
 * leaves the last good site live and the build log says why; the deploy hook hears about
 * successful builds; an unpublished story disappears.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayEnv } from '../helpers/env'
import { freePort } from '../helpers/ports'
import { PASSWORD, restClient, type Session } from '../helpers/rest'

let child: ChildProcess
let site = ''
let api: ReturnType<typeof restClient>
let admin: Session
let hookServer: Server
const hookCalls: Record<string, unknown>[] = []

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const page = async (route: string) => {
  const response = await fetch(`${site}${route}`)
  return { status: response.status, text: await response.text() }
}
async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(200)
  }
}
const builds = async () =>
  (await api.call(admin, 'GET', '/site-builds?limit=100&sort=startedAt')).json.docs as {
    id: number; status: string; startedAt: string; finishedAt?: string; error?: string; trigger: string
  }[]
const settled = async () => (await builds()).every((b) => b.status !== 'running')

beforeAll(async () => {
  hookServer = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c)).on('end', () => {
      hookCalls.push(JSON.parse(body))
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r))
  const hookPort = (hookServer.address() as { port: number }).port
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const base = throwawayEnv('publish')
  const env = {
    ...base,
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    CMS_PUBLIC_URL: `http://127.0.0.1:${cmsPort}`,
    SITE_DIST_DIR: path.join(base.TEST_DIR, 'dist'),
    SITE_REBUILD_DEBOUNCE_MS: '1000',
    SITE_DEPLOY_HOOK_URL: `http://127.0.0.1:${hookPort}/deploy`,
  }
  child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (c) => (output += c))
  child.stderr!.on('data', (c) => (output += c))
  await until('npm start to be ready', async () => output.includes('Press Ctrl-C') || (child.exitCode !== null && Promise.reject(new Error(output))), 240_000)
  site = `http://127.0.0.1:${sitePort}`
  api = restClient(`http://127.0.0.1:${cmsPort}`)
  admin = await api.admin()
}, 300_000)

afterAll(async () => {
  child?.kill('SIGINT')
  await new Promise((r) => child?.once('exit', r))
  hookServer?.close()
})

describe('publishing', () => {
  it('serves a change published through REST within 15 seconds, and tells the deploy hook', async () => {
    const story = (await api.call(admin, 'GET', '/news?limit=1')).json.docs[0]
    const before = await page(`/news/${story.slug}/`)
    expect(before.status).toBe(200)
    const title = `Published at ${Date.now()}`
    const started = performance.now()
    const saved = await api.call(admin, 'PATCH', `/news/${story.id}`, { title })
    expect(saved.status).toBe(200)
    const returned = performance.now()
    await until('the new title on the site', async () => (await page(`/news/${story.slug}/`)).text.includes(title))
    const seconds = (performance.now() - returned) / 1000
    console.log(`publish-to-live: ${seconds.toFixed(1)} s after the publish request returned (${((returned - started) / 1000).toFixed(2)} s request)`)
    // How fast is measured by `npm run bench` (README: target ≤ 15 s); here, that it goes live at all.
    await until('the build log to settle', settled)
    const last = (await builds()).at(-1)!
    expect(last.status).toBe('succeeded')
    expect(last.trigger).toContain(title)
    expect(hookCalls.at(-1)).toMatchObject({ event: 'site.published', build: last.id })
  })

  it('makes one build from several quick saves, and never two builds at once', async () => {
    await until('the build log to settle', settled)
    const before = (await builds()).length
    const services = (await api.call(admin, 'GET', '/services?limit=3&depth=0')).json.docs as { id: number; name: string }[]
    // At once, so all three land within the debounce however busy the machine is.
    const saved = await Promise.all(services.map((service) => api.call(admin, 'PATCH', `/services/${service.id}`, { name: `${service.name} ✓` })))
    expect(saved.map((r) => r.status)).toEqual([200, 200, 200])
    await sleep(1500)
    await until('the build log to settle', settled)
    const after = await builds()
    expect(after.length - before).toBe(1)
    for (const service of services) expect(after.at(-1)!.trigger).toContain(service.name)
    const intervals = after.map((b) => [Date.parse(b.startedAt), Date.parse(b.finishedAt!)] as const)
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]![0]).toBeGreaterThanOrEqual(intervals[i - 1]![1])
  })

  it('keeps the last good site live when a build fails, and shows editors why', async () => {
    await until('the build log to settle', settled)
    const story = (await api.call(admin, 'GET', '/news?limit=1')).json.docs[0]
    const live = await page(`/news/${story.slug}/`)
    // A restricted paper pasted into a public story: valid to the CMS, stopped by the build checks.
    const marked = await api.call(admin, 'PATCH', `/news/${story.id}`, { title: 'Pasted by mistake', summary: 'Security: [RESTRICTED] board paper' })
    expect(marked.status).toBe(200)
    const failed = await until('a failed build', async () => (await builds()).find((b) => b.status === 'failed'))
    expect(failed.error).toMatch(/not published|RESTRICTED/)
    const now = await page(`/news/${story.slug}/`)
    expect(now.status).toBe(200)
    expect(now.text).toBe(live.text)
    expect(now.text).not.toContain('Pasted by mistake')
    expect(hookCalls.some((call) => call.build === failed.id)).toBe(false)
    // Fixing the story publishes again.
    await api.call(admin, 'PATCH', `/news/${story.id}`, { title: 'Fixed title', summary: story.summary })
    await until('the fixed story on the site', async () => (await page(`/news/${story.slug}/`)).text.includes('Fixed title'))
  })

  it('does not rebuild for drafts: a partner’s save or an editor’s "Save draft" leaves the live site as it was', async () => {
    await until('the build log to settle', settled)
    const before = (await builds()).length
    const org = (await api.call(admin, 'GET', '/organisations?where[slug][equals]=refuge&depth=0')).json.docs[0]
    const email = `draft-partner-${Date.now()}@example.org`
    expect((await api.call(admin, 'POST', '/users', { name: 'p', email, password: PASSWORD, role: 'partner', organisation: org.id })).status).toBe(201)
    const partner = await api.login(email, PASSWORD)
    const service = (await api.call(admin, 'GET', `/services?where[organisation][equals]=${org.id}&limit=1&depth=0`)).json.docs[0]
    for (let i = 0; i < 3; i++) expect((await api.call(partner, 'PATCH', `/services/${service.id}`, { description: `Partner draft ${i}` })).status).toBe(200)
    const story = (await api.call(admin, 'GET', '/news?limit=1')).json.docs[0]
    expect((await api.call(admin, 'PATCH', `/news/${story.id}?draft=true`, { title: 'Not yet', _status: 'draft' })).status).toBe(200)
    await sleep(3000) // twice the debounce
    await until('the build log to settle', settled)
    expect((await builds()).length).toBe(before)
    expect((await page(`/news/${story.slug}/`)).status).toBe(200)
  })

  it('takes an unpublished story off the site', async () => {
    await until('the build log to settle', settled)
    const story = (await api.call(admin, 'GET', '/news?limit=1')).json.docs[0]
    expect((await api.call(admin, 'PATCH', `/news/${story.id}`, { _status: 'draft' })).status).toBe(200)
    await until('the story to be gone', async () => (await page(`/news/${story.slug}/`)).status === 404)
    expect((await page('/news/rss.xml')).text).not.toContain(story.title)
  })
})
