/**
 * Builds the public site from the CMS into a fresh folder, indexes it with Pagefind, checks it,
 * and only then switches it in as dist/. A failed build leaves the last good dist/ untouched.
 * One build at a time per target, across processes (a lock file beside it).
 */
import { existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { cp, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { checkBuiltSite, type Secret } from '../../site/checks'
import type { Exclusion } from '../../site/lib/payload-loader'
import { forkForReport, forkHeld, type Held } from './child-result'
import { projectRoot } from './env'
import { bin, run } from './run'

/** The live site. SITE_DIST_DIR moves it, so tests never replace a developer's dist/. */
export const DIST = path.resolve(process.env.SITE_DIST_DIR || path.join(projectRoot, 'dist'))

/** Seconds each step took: Astro, Pagefind, and the output checks with the switch-in. */
export type StepSeconds = { astro: number; pagefind: number; checksAndSwitch: number }

export type BuildResult = { folder: string; seconds: number; pages: number; excluded: Exclusion[]; steps: StepSeconds }

const ASTRO_STEP = path.join(projectRoot, 'scripts', 'lib', 'astro-build.mjs')

/**
 * Builds into a fresh folder inside the project — Astro keeps its temporary files beside the
 * output only when the output is under the working directory (otherwise in the shared .astro/,
 * where parallel builds collide) — then moves it next to `target` and switches it in.
 */
export async function buildSite(env: NodeJS.ProcessEnv, { target = DIST, quiet = false } = {}): Promise<BuildResult> {
  const started = performance.now()
  target = path.resolve(target)
  const builds = path.join(projectRoot, '.data', 'site-builds', createHash('sha1').update(target).digest('hex').slice(0, 12))
  await mkdir(builds, { recursive: true })
  const release = await lock(path.join(builds, 'build.lock'))
  const folder = path.join(builds, `build-${Date.now()}`)
  // The records the site's loaders leave out (site/lib/payload-loader.ts), one JSON line each.
  const exclusions = `${folder}.excluded.jsonl`
  // Texts the output must never contain (a refuge's stored address), one JSON line each.
  const secrets = `${folder}.secrets.jsonl`
  const seconds = (from: number, to = performance.now()) => (to - from) / 1000
  try {
    await removeLeftovers(builds, target)
    // Each target keeps its own Astro cache, so its content-layer store only re-parses what changed.
    const thisBuild = { SITE_OUT_DIR: folder, SITE_CACHE_DIR: path.join(builds, 'cache'), SITE_EXCLUSIONS_FILE: exclusions, SITE_SECRETS_FILE: secrets }
    const astroStarted = performance.now()
    const held = heldAstro
    heldAstro = null
    if (held?.ready) await held.go({ outDir: folder, env: thisBuild })
    else await forkForReport('Astro', ASTRO_STEP, ['--outDir', folder], { cwd: projectRoot, env: { ...env, ...thisBuild, ASTRO_TELEMETRY_DISABLED: '1' }, show: !quiet })
    const pagefindStarted = performance.now()
    await run(bin('pagefind'), ['--site', folder, '--glob', await searchGlob(folder), '--silent'], { env, capture: quiet })
    const checksStarted = performance.now()
    const { pages } = await checkBuiltSite(folder, { secrets: await jsonLines<Secret>(secrets) })
    const excluded = await jsonLines<Exclusion>(exclusions)
    await switchIn(folder, target)
    const steps = { astro: seconds(astroStarted, pagefindStarted), pagefind: seconds(pagefindStarted, checksStarted), checksAndSwitch: seconds(checksStarted) }
    return { folder: target, pages, seconds: seconds(started), excluded, steps }
  } catch (error) {
    await rm(folder, { recursive: true, force: true })
    throw error
  } finally {
    await rm(exclusions, { force: true })
    await rm(secrets, { force: true })
    await release()
  }
}

let heldAstro: Held<object> | null = null

/**
 * For a process that will build later (scripts/build.ts held by a publishing CMS): the Astro step
 * is forked now and loads its modules while nobody waits (scripts/lib/astro-build.mjs); the next
 * buildSite() in this process starts it instead of forking one.
 */
export function holdAstroStep(env: NodeJS.ProcessEnv) {
  heldAstro ??= forkHeld('Astro', ASTRO_STEP, [], { cwd: projectRoot, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' }, show: true })
}

/**
 * Folders Pagefind need not read: the directory's entries and listings (/services/, /support/),
 * searched in the page instead (site/components/directory-search.ts), and files that are not
 * pages. At 10,000 entries they are ~11,000 of ~12,000 pages: reading them cost Pagefind most of
 * its time and memory. Everything else is read, so a new kind of page is searchable as soon as it
 * asks to be (Base.astro's `searchable`).
 */
export const NOT_SEARCHED = new Set(['services', 'support', 'media', '_astro', 'pagefind', 'open-data'])

export async function searchGlob(folder: string): Promise<string> {
  const searched = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory() && !NOT_SEARCHED.has(e.name)).map((e) => `${e.name}/**/*.html`)
  return `{${['*.html', ...searched].join(',')}}`
}

/**
 * Moves the finished build next to the target (a copy only if that is another filesystem), then
 * two renames in one folder: the old site is replaced only by a complete new one.
 */
async function switchIn(folder: string, target: string) {
  const stamp = Date.now()
  const beside = (what: string) => path.join(path.dirname(target), `.${path.basename(target)}-${what}-${stamp}`)
  const incoming = beside('incoming')
  await mkdir(path.dirname(target), { recursive: true })
  try {
    try {
      await rename(folder, incoming)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
      await cp(folder, incoming, { recursive: true })
      await rm(folder, { recursive: true, force: true })
    }
  } catch (error) {
    // A copy that stopped part-way (a full disk) must not stay there taking more of it.
    await rm(incoming, { recursive: true, force: true })
    throw error
  }
  const previous = beside('previous')
  if (existsSync(target)) await rename(target, previous)
  await rename(incoming, target)
  await rm(previous, { recursive: true, force: true })
}

/**
 * What a build killed part-way (SIGKILL, a power cut) left behind: its build folder, and beside
 * the target a half-copied site or, killed between the two renames, the old site moved aside —
 * which is put back. Called holding the lock, so nothing else is using any of it; left there,
 * every kill would take more disk.
 */
async function removeLeftovers(builds: string, target: string) {
  for (const name of await readdir(builds)) if (/^build-\d+/.test(name)) await rm(path.join(builds, name), { recursive: true, force: true })
  const dir = path.dirname(target)
  const base = `.${path.basename(target)}-`
  const left = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.startsWith(base) && /^(incoming|previous)-\d+$/.test(name.slice(base.length)))
  const previous = left.filter((name) => name.startsWith(`${base}previous-`)).sort().at(-1)
  if (previous && !existsSync(target)) await rename(path.join(dir, previous), target)
  for (const name of left) await rm(path.join(dir, name), { recursive: true, force: true })
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Waits until no other live process is building this target, then holds the lock. */
async function lock(file: string, timeoutMs = 15 * 60_000): Promise<() => Promise<void>> {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return () => rm(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(await readFile(file, 'utf8').catch(() => '0'))
      if (!holder || !alive(holder)) {
        await rm(file, { force: true }) // left behind by a build that crashed
        continue
      }
      if (Date.now() > until) throw new Error(`Another build (process ${holder}) has held ${file} for too long.`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }
}

const jsonLines = async <T>(file: string): Promise<T[]> =>
  (await readFile(file, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T)
