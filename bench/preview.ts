/**
 * npm run bench:preview — how long a preview takes to render at seed size (issue 18: at most 1 s).
 * On a throwaway SQLite file seeded from content/: the preview handler the CMS server mounts
 * (scripts/lib/preview/server.ts) on its own HTTP server, signed in as an editor with `Authorization: JWT`,
 * then GET /preview/<collection>/<id> for every previewable seed document, 5 rounds, after the
 * start-up warm-up the CMS server does (timed) and one first request (timed). Writes
 * bench/results/preview.json (or BENCH_PREVIEW_OUT; npm run bench runs it too).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const dir = mkdtempSync(path.join(tmpdir(), 'csp-hub-bench-preview-'))
Object.assign(process.env, {
  DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
  ADMIN_EMAIL: 'bench@example.org',
  ADMIN_PASSWORD: 'bench-password-0123456789',
  CSP_HUB_JOBS: 'off',
})
const root = path.resolve(import.meta.dirname, '..')
const seeded = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/seed.ts'], { cwd: root, env: process.env, stdio: 'inherit' })
if (seeded.status !== 0) throw new Error('seeding failed')

const { ensurePreviewBuild } = await import('../scripts/lib/preview-build')
await ensurePreviewBuild()
const { openCms } = await import('../scripts/lib/cms')
const { createPreviewHandler } = await import('../scripts/lib/preview/server')
const { PREVIEW_COLLECTIONS } = await import('../cms/preview/collections')
const payload = await openCms()
const { token } = await payload.login({ collection: 'users', data: { email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! } })
const handler = createPreviewHandler(async () => payload)
const server = createServer(handler)
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const routes: string[] = []
for (const collection of PREVIEW_COLLECTIONS) {
  const { docs } = await payload.find({ collection, depth: 0, pagination: false, overrideAccess: true })
  for (const doc of docs) routes.push(`/preview/${collection}/${doc.id}`)
}
const get = async (route: string) => {
  const started = performance.now()
  const response = await fetch(base + route, { headers: { Authorization: `JWT ${token}` } })
  await response.text()
  return { ms: performance.now() - started, status: response.status }
}
// As scripts/cms-server.ts does at start-up: load the bundle before the first preview is asked for.
const warmStarted = performance.now()
await handler.warm()
const warmUpMs = Math.round(performance.now() - warmStarted)
const first = await get(routes[0]!)
const times: number[] = []
const statuses: Record<string, number> = {}
for (let round = 0; round < 5; round++)
  for (const route of routes) {
    const { ms, status } = await get(route)
    times.push(ms)
    statuses[status] = (statuses[status] ?? 0) + 1
    if (round === 0 && status !== 200) console.log(status, route)
  }
times.sort((a, b) => a - b)
const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10
const result = { documents: routes.length, requests: times.length, statuses, warmUpMs, firstRequestMs: Math.round(first.ms), p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1), budgetMs: 1000 }
console.log(JSON.stringify(result, null, 2))
writeFileSync(process.env.BENCH_PREVIEW_OUT || path.join(root, 'bench', 'results', 'preview.json'), JSON.stringify(result, null, 2) + '\n')
server.close()
rmSync(dir, { recursive: true, force: true })
process.exit(result.maxMs <= 1000 ? 0 : 1)
