/**
 * node bench/warm/spike.mjs <dir> [publishes] — the warm-renderer spike for issue 19, from the JSON
 * snapshot bench/warm/prepare.ts wrote into <dir> (no CMS running). See bench/warm/README.md.
 *
 * 1. Start the warm renderer (renderer.mjs): a full `astro build` of the snapshot into <dir>/live,
 *    whose renderer and content store stay in this process (timed: the one-off start).
 * 2. Publish `publishes` times: each renames the bench's edited service (as bench/run.ts's publish
 *    floor does), replaces that record in the store as its loader would, renders the changed pages
 *    and swaps them into <dir>/live (timed: what a publish would wait for).
 * 3. Measure, in this same run, Astro alone on the same edit: the raw publish floor (`astro build`
 *    of the changed pages from the warm store and the start's keys, bench/astro-floor.mjs) and the
 *    full raw floor (a full `astro build` of the final snapshot into <dir>/full, fresh store).
 * 4. Compare <dir>/live with <dir>/full byte for byte, every file.
 * Writes <dir>/warm-result.json and prints it.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Session } from 'node:inspector/promises'
import { tsImport } from 'tsx/esm/api'
import { WarmRenderer } from './renderer.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
process.chdir(root)
const dir = path.resolve(process.argv[2] ?? '')
const publishes = Number(process.argv[3] ?? 5)
if (!process.argv[2]) throw new Error('usage: node bench/warm/spike.mjs <dir with snapshot.json> [publishes]')
/** Starts V8's CPU profiler in this process; the returned function stops it and gives the profile. */
async function startProfile() {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return async () => (await session.post('Profiler.stop')).profile
}
const EDITED_SLUG = 'example-service-00001'
const SERVICES_READ = 'find:{"collection":"services"'
const round = (n, d = 3) => Math.round(n * 10 ** d) / 10 ** d
const load = () => loadavg().map((n) => round(n, 2))

const snapshot0 = readFileSync(path.join(dir, 'snapshot.json'), 'utf8')
/** The snapshot with the edited service renamed `suffix`, and that service's new record. */
function edited(suffix) {
  const snapshot = JSON.parse(snapshot0)
  let doc
  for (const [key, answer] of Object.entries(snapshot)) {
    if (!key.startsWith(SERVICES_READ)) continue
    for (const d of answer.docs) if (d.slug === EDITED_SLUG) (d.name = `${d.name} (edited ${suffix})`), (doc = d)
  }
  if (!doc) throw new Error(`no service ${EDITED_SLUG} in the snapshot`)
  const servicesKey = Object.keys(snapshot).find((k) => k.startsWith(SERVICES_READ))
  return { snapshot, doc, services: snapshot[servicesKey].docs }
}

const env = {
  DATABASE_URI: `file:${path.join(dir, 'no-database-here', 'none.db')}`,
  ASTRO_TELEMETRY_DISABLED: '1',
}
Object.assign(process.env, env, { BENCH_SNAPSHOT: path.join(dir, 'snapshot.json'), SITE_CACHE_DIR: path.join(dir, 'warm-cache') })
const live = path.join(dir, 'live')
rmSync(live, { recursive: true, force: true })
rmSync(path.join(dir, 'warm-cache'), { recursive: true, force: true })
const loadAtStart = load()

// 1. The one-off start.
const warm = new WarmRenderer()
const started = await warm.start({ configFile: 'bench/warm/astro.config.mjs', liveDir: live, workDir: path.join(dir, 'warm-work') })
console.log(`warm start (full astro build, kept): ${round(started.buildSeconds, 2)} s`)
const { serviceSchema } = await tsImport('../../site/schemas/index.ts', import.meta.url)
const { FEED_ORDER } = await tsImport('../../cms/openreferral/query.ts', import.meta.url)

// 2. Publishes.
const runs = []
let last
for (let i = 1; i <= publishes; i++) {
  const t0 = performance.now()
  last = edited(`${i}`)
  const parsed = performance.now()
  warm.replaceRecords('services', [last.doc], (doc) => serviceSchema.safeParse(doc))
  warm.keepRead('services', { depth: 1, sort: FEED_ORDER }, last.services)
  const stored = performance.now()
  // WARM_SPIKE_PROFILE=<file>: a CPU profile of the last publish only (not the start).
  const profiling = process.env.WARM_SPIKE_PROFILE && i === publishes ? await startProfile() : undefined
  const result = await warm.publish({ first: [`services/${EDITED_SLUG}/index.html`] })
  if (profiling) writeFileSync(process.env.WARM_SPIKE_PROFILE, JSON.stringify(await profiling()))
  runs.push({ ...result, storeSeconds: (stored - parsed) / 1000, editSeconds: (parsed - t0) / 1000, load: load() })
  console.log(`publish ${i}: ${round(result.seconds)} s, edited page live at ${round(result.firstLiveSeconds)} s (keys ${round(result.steps.keysSeconds)} s, render ${round(result.steps.renderSeconds)} s for ${result.rendered.length} pages, write ${round(result.steps.writeSeconds)} s; ${result.changed.length} files changed; store ${round((stored - parsed) / 1000, 4)} s) load ${load().join(' ')}`)
}
const finalSnapshot = path.join(dir, 'snapshot-final.json')
writeFileSync(finalSnapshot, JSON.stringify(last.snapshot))
if (process.env.WARM_SPIKE_ONLY_PUBLISH === '1') {
  console.log(JSON.stringify({ publishSeconds: runs.map((r) => round(r.seconds)), editedPageLiveSeconds: runs.map((r) => round(r.firstLiveSeconds + r.storeSeconds)), steps: runs.map((r) => r.steps), slowest: runs.at(-1).rendered.sort((a, b) => b.ms - a.ms).slice(0, 8), load: load() }, null, 2))
  process.exit(0)
}

// 3. Astro alone on the same content, same run.
const astroFloor = (outDir, extra) => {
  rmSync(outDir, { recursive: true, force: true })
  const out = execFileSync(process.execPath, ['bench/astro-floor.mjs', 'bench/astro.config.mjs', outDir], {
    cwd: root,
    env: { ...process.env, ...env, BENCH_SNAPSHOT: finalSnapshot, SITE_OUT_DIR: outDir, SITE_PAGE_KEYS_FILE: '', ...extra },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
  const seconds = Number(/ASTRO_BUILD_SECONDS=([\d.]+)/.exec(out)?.[1])
  if (!(seconds > 0)) throw new Error(`astro-floor gave no time:\n${out.slice(-2000)}`)
  return seconds
}
const files = (d) => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(d, path.join(e.parentPath, e.name))).sort()
// The raw publish floor: from a copy of the warm start's store and its keys (what bench/run.ts measures).
const floorCache = path.join(dir, 'floor-cache')
rmSync(floorCache, { recursive: true, force: true })
cpSync(path.join(dir, 'warm-cache'), floorCache, { recursive: true })
const publishFloorDir = path.join(dir, 'publish-floor')
const loadBeforeFloor = load()
// WARM_SPIKE_PUBLISH_FLOOR=0 (the test): only the full build the result is compared with.
const withPublishFloor = process.env.WARM_SPIKE_PUBLISH_FLOOR !== '0'
const rawPublishSeconds = withPublishFloor ? astroFloor(publishFloorDir, { SITE_CACHE_DIR: floorCache, SITE_PREVIOUS_KEYS: path.join(dir, 'warm-work', 'keys-0.jsonl') }) : NaN
const rawPublishPages = withPublishFloor ? files(publishFloorDir).filter((f) => f.endsWith('.html')).length : 0
const fullCache = path.join(dir, 'full-cache')
rmSync(fullCache, { recursive: true, force: true })
const full = path.join(dir, 'full')
const rawFullSeconds = astroFloor(full, { SITE_CACHE_DIR: fullCache })
console.log(`raw publish floor ${round(rawPublishSeconds, 2)} s (${rawPublishPages} pages), full raw floor ${round(rawFullSeconds, 2)} s, load ${load().join(' ')}`)

// 4. Byte for byte.
const liveFiles = files(live)
const fullFiles = files(full)
const onlyLive = liveFiles.filter((f) => !fullFiles.includes(f))
const onlyFull = fullFiles.filter((f) => !liveFiles.includes(f))
const differ = liveFiles.filter((f) => fullFiles.includes(f) && !readFileSync(path.join(live, f)).equals(readFileSync(path.join(full, f))))
const renderMs = runs.flatMap((r) => r.rendered.map((p) => p.ms)).sort((a, b) => a - b)
const median = (xs) => xs[Math.floor(xs.length / 2)]
const publishSeconds = runs.map((r) => round(r.seconds)).sort((a, b) => a - b)
const result = {
  services: (last.services ?? []).length,
  pages: liveFiles.filter((f) => f.endsWith('.html')).length,
  loadAtStart,
  loadBeforeFloor,
  loadAtEnd: load(),
  warmStartSeconds: round(started.buildSeconds, 2),
  publishSeconds,
  publishMedianSeconds: median(publishSeconds),
  // The edited entry's own page served (rendered first and swapped in at once): what bench/run.ts polls for.
  editedPageLiveSeconds: runs.map((r) => round(r.firstLiveSeconds + r.storeSeconds)),
  pagesRenderedPerPublish: runs[0].rendered.length,
  filesChangedPerPublish: runs.map((r) => r.changed.length),
  steps: runs.map((r) => ({ ...r.steps, storeSeconds: r.storeSeconds })),
  // One record's own page (the edited entry's), each publish: what one page render costs.
  servicePageMs: runs.map((r) => r.rendered.find((p) => p.file === `services/${EDITED_SLUG}/index.html`)?.ms),
  renderMs: { median: median(renderMs), max: renderMs.at(-1), slowest: [...runs.at(-1).rendered].sort((a, b) => b.ms - a.ms).slice(0, 8) },
  renderedLastPublish: runs.at(-1).rendered,
  rawPublishFloorSeconds: round(rawPublishSeconds, 2),
  rawPublishFloorPages: rawPublishPages,
  rawFullFloorSeconds: round(rawFullSeconds, 2),
  publishOverRawPublishFloor: round(median(publishSeconds) / rawPublishSeconds, 3),
  byteIdentity: { files: liveFiles.length, identical: liveFiles.length - differ.length - onlyLive.length, differ, onlyLive, onlyFull },
  changedFilesLastPublish: runs.at(-1).changed,
}
writeFileSync(path.join(dir, 'warm-result.json'), JSON.stringify(result, null, 2))
console.log(JSON.stringify(result, null, 2))
process.exit(0)
