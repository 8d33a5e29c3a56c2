/**
 * Builds the public site from the CMS into a fresh folder, indexes it with Pagefind, checks it,
 * and only then switches it in as dist/. A failed build leaves the last good dist/ untouched.
 * One build at a time per target, across processes (a lock file beside it).
 */
import { existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { cp, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { OPTIONAL_LANGUAGES } from '../../cms/languages/strings'
import { checkBuiltSite, type Secret } from '../../site/checks'
import type { Exclusion } from '../../site/lib/payload-loader'
import { PARTLY_LIVE } from '../../cms/publishing/outcome'
import { FULL_BUILD_NEEDED } from '../../site/lib/build-modes'
import { fingerprint } from './build-stamp'
import { forkForReport, forkHeld, forkServing, type Held, type Serving } from './child-result'
import { projectRoot } from './env'
import { bin, run } from './run'

/** The live site. SITE_DIST_DIR moves it, so tests never replace a developer's dist/. */
export const DIST = path.resolve(process.env.SITE_DIST_DIR || path.join(projectRoot, 'dist'))

/** Seconds each step took: Astro, Pagefind, and the output checks with the switch-in. */
export type StepSeconds = { astro: number; pagefind: number; checksAndSwitch: number }

/**
 * 'full': every page rendered into a new folder, switched in whole. 'changed pages': only the
 * pages whose content changed (and those without getStaticPaths: home, listings, feeds), written
 * into the live folder one by one (site/lib/incremental.ts).
 */
export type BuildMode = 'full' | 'changed pages'

/** 'warm': a changed-pages build's pages came from the warm renderer (scripts/lib/warm/); 'astro': from an `astro build`. */
export type Renderer = 'warm' | 'astro'

/**
 * Seconds of the warm renderer's steps: running the loaders again, asking every route for its
 * paths and keys, rendering (of which `first`: the edited records' own pages, see FirstLive).
 */
export type WarmSteps = { load: number; keys: number; render: number; first?: number; slowest?: { file: string; ms: number }[]; loaded?: string[] }

/**
 * The pages of a warm changed-pages build that went live first: those whose own key changed (the
 * edited record's page in each language, its organisation's), checked and moved in while the
 * pages that list them (home, directory filters, feeds, the open-data file) were still rendering.
 * `seconds` is from the build's start.
 */
export type FirstLive = { files: string[]; seconds: number }
/** Told when a build's first pages are live (the build goes on). */
export type OnFirstLive = (first: FirstLive) => void | Promise<void>

export type BuildResult = { folder: string; seconds: number; pages: number; excluded: Exclusion[]; steps: StepSeconds; mode: BuildMode; rendered: number; fullBecause?: string; renderer: Renderer; warmProblem?: string; warmSteps?: WarmSteps; firstLive?: FirstLive }


const ASTRO_STEP = path.join(projectRoot, 'scripts', 'lib', 'astro-build.mjs')
/**
 * Node's flags for the Astro step of a build (issue 19, peak memory). Its heap holds ~130-300 MB
 * that is live, but while the loaders read the CMS V8 let it grow to 1.0-1.2 GB of garbage before
 * collecting: the build's peak, 1.70-1.89 GB at 10,000 entries against a budget of 1.5 GB.
 * - --heap-growing-percent=50: the heap grows by half of what is live after a full collection,
 *   instead of up to 4x. 27 full collections instead of 15 (each 20-70 ms). A factor, not a
 *   ceiling: a bigger site still gets the heap it needs.
 * - --max-semi-space-size=8: the young generation in 8 MB halves; it had grown to 128 MB.
 * Five builds of the 10k site with the first alone peaked at 1,577-1,716 MB (mean 1,647); six
 * with both, 1,574-1,653 MB (mean 1,592); without either, 1,701-1,914 MB. Astro alone (the bench's
 * floor) peaked at 1,409 MB in the same hour. The price is time: in alternating builds Astro took
 * 38.5-41.9 s with both flags and 31.7-38.9 s without (a noisy machine), so issue 19's build ÷
 * floor ratio pays for part of the memory (README, "Issue 19: the full build's memory").
 */
const ASTRO_EXEC_ARGV = ['--heap-growing-percent=50', '--max-semi-space-size=8']

/** What the pages are made from besides the content: a change here renders every page again. */
const CODE = ['site', 'cms', 'content/pages', 'astro.config.mjs', 'package-lock.json'].map((p) => path.join(projectRoot, p))
const codeFingerprint = () => fingerprint(CODE, new Set(['node_modules', '.next', 'next-env.d.ts', 'payload-types.ts']))

/** What the last successful build of a target left for the next: see readState. */
type State = { id: string; code: string; secrets: string; pages: number }
/** The build that made a target's live folder, in that folder (send and the site server never serve dotfiles). */
const STAMP = '.csp-hub-build'

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')
const secondsSince = (from: number, to = performance.now()) => (to - from) / 1000

/**
 * Marks a changed-pages build staging files inside the live folder: only a build killed while it
 * was there leaves staged files to look for, so start-up does not walk every page of the site.
 */
const STAGING = 'staging'

/**
 * Builds the site for `target`: only the changed pages when the live folder is the one the last
 * build made, from the same code, else (or with `full`, or SITE_FULL_BUILD=1) everything.
 */
export async function buildSite(
  env: NodeJS.ProcessEnv,
  { target = DIST, quiet = false, full = process.env.SITE_FULL_BUILD === '1', onFirstLive }: { target?: string; quiet?: boolean; full?: boolean; onFirstLive?: OnFirstLive } = {},
): Promise<BuildResult> {
  const started = performance.now()
  target = path.resolve(target)
  const builds = path.join(projectRoot, '.data', 'site-builds', createHash('sha1').update(target).digest('hex').slice(0, 12))
  await mkdir(builds, { recursive: true })
  const release = await lock(path.join(builds, 'build.lock'))
  try {
    await removeLeftovers(builds, target)
    const code = await codeFingerprint()
    const state = full ? null : await readState(builds, target)
    let fullBecause = full ? 'a full build was asked for' : !state ? 'no earlier build of this folder to start from' : state.code !== code ? 'the code changed' : undefined
    if (!fullBecause) {
      try {
        const result = { ...(await changedPages(env, builds, target, state!, quiet, started, onFirstLive)), seconds: secondsSince(started) }
        if (warmWanted) await keepWarm(warmWanted, code)
        return result
      } catch (error) {
        // Raised by the pages' keys (site/lib/incremental.ts) or by the checks below.
        if (!String((error as Error).message).includes(FULL_BUILD_NEEDED)) throw error
        fullBecause = (error as Error).message.replace(/^.*?: /, '')
        if (!quiet) console.log(`A full build is needed: ${fullBecause}.`)
      }
    }
    const result = { ...(await fullBuild(env, builds, target, code, quiet)), seconds: secondsSince(started), fullBecause }
    // A new code's first build is a full one; the renderer is then made again for that code.
    if (warmWanted) await keepWarm(warmWanted, code)
    return result
  } finally {
    await release()
  }
}

/** One build folder's Astro run, and the files its loaders write beside it. */
/** The files the loaders write beside a build folder: records left out, texts never to show, page keys. */
const filesBeside = (folder: string) => ({ exclusions: `${folder}.excluded.jsonl`, secrets: `${folder}.secrets.jsonl`, keys: `${folder}.keys.jsonl` })

/** What a warm publish's fast pass (its first pages) writes after the name of each file beside the folder. */
const FAST = '.fast'

/** What the loaders wrote beside a build folder; `suffix` FAST: what the warm renderer's fast pass wrote. */
async function besideFiles(folder: string, suffix = '') {
  const files = filesBeside(folder)
  return { secrets: await jsonLines<Secret>(files.secrets + suffix), excluded: await jsonLines<Exclusion>(files.exclusions + suffix), keys: files.keys }
}

/** The variables that tell a build's Astro step where this build's files go. */
const buildVariables = (folder: string, previousKeys?: string, suffix = ''): Record<string, string> => {
  const files = Object.fromEntries(Object.entries(filesBeside(folder)).map(([kind, file]) => [kind, file + suffix])) as ReturnType<typeof filesBeside>
  return {
    SITE_OUT_DIR: folder,
    SITE_EXCLUSIONS_FILE: files.exclusions,
    SITE_SECRETS_FILE: files.secrets,
    SITE_PAGE_KEYS_FILE: files.keys,
    ...(previousKeys ? { SITE_PREVIOUS_KEYS: previousKeys } : {}),
  }
}

async function astroInto(env: NodeJS.ProcessEnv, builds: string, folder: string, quiet: boolean, previousKeys?: string) {
  // Each target keeps its own Astro cache, so its content-layer store only re-parses what changed.
  const thisBuild: Record<string, string> = { ...buildVariables(folder, previousKeys), SITE_CACHE_DIR: path.join(builds, 'cache') }
  const held = heldAstro
  heldAstro = null
  if (held?.ready) await held.go({ outDir: folder, env: thisBuild })
  else await forkForReport('Astro', ASTRO_STEP, ['--outDir', folder], { cwd: projectRoot, execArgv: ASTRO_EXEC_ARGV, env: { ...env, ...thisBuild, ASTRO_TELEMETRY_DISABLED: '1' }, show: !quiet })
  return besideFiles(folder)
}

/** What the warm renderer reports for one publish (scripts/lib/warm/renderer.mjs). */
type WarmReport = { rendered: number; steps: WarmSteps; slowest: { file: string; ms: number }[]; loaded: string[] }
type Warm = { serving: Serving<WarmReport>; code: string; scratch: string }
let warm: Warm | null = null
let warmWanted: NodeJS.ProcessEnv | null = null
/** Why the warm renderer is not there for this code (it could not warm up), for the build log. */
let warmProblem: string | null = null

/** Is a warm renderer loaded and waiting for a publish? (For tests and the bench.) */
export const warmRendererWaiting = () => warm?.serving.idle ?? false
/** The warm renderer's process id, if there is one (for tests that kill it). */
export const warmRendererPid = () => warm?.serving.pid

/**
 * For a process that builds one publish after another (scripts/build.ts --serve, held by a
 * publishing CMS): keeps a warm renderer (scripts/lib/warm/) for this code, forked now, which warms
 * up while nobody waits and then renders each changed-pages build's pages in its own process. It
 * is started again after it ends or the code changes. SITE_WARM_RENDERER=off keeps every build
 * cold (one `astro build` per publish, as before), e.g. on a machine short of memory: it holds the
 * site's content and bundle in memory between publishes.
 */
export async function keepWarm(env: NodeJS.ProcessEnv, code?: string) {
  if (env.SITE_WARM_RENDERER === 'off') {
    warmWanted = null
    stopWarm()
    return
  }
  warmWanted = env
  code ??= await codeFingerprint()
  if (warm?.serving.alive && warm.code === code) return
  // One that could not warm up with this code is not tried again for every publish (each try is
  // a build's worth of work): a new code, or a new build process, tries again.
  if (warm && !warm.serving.loaded && warm.code === code) {
    warmProblem ??= `The warm renderer could not start (${warm.serving.ended ?? 'it ended'}); publishes are built by astro build until the code changes or the CMS restarts.`
    return
  }
  warmProblem = null
  stopWarm()
  const all = path.join(projectRoot, '.data', 'site-builds')
  await mkdir(all, { recursive: true })
  // What the warm-ups of processes that were killed left behind.
  for (const name of await readdir(all)) {
    const pid = Number(/^warm-up-(\d+)-/.exec(name)?.[1])
    if (pid && !alive(pid)) await rm(path.join(all, name), { recursive: true, force: true })
  }
  const scratch = path.join(all, `warm-up-${process.pid}-${Date.now()}`)
  // Its own scratch folder and Astro cache: it builds while other builds may run.
  const serving = forkServing<WarmReport>('The warm renderer', ASTRO_STEP, [], {
    cwd: projectRoot,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', SITE_WARM_UP: '1', SITE_OUT_DIR: scratch, SITE_CACHE_DIR: `${scratch}-cache` },
    show: true,
  })
  warm = { serving, code, scratch }
}

/** Ends the warm renderer, if there is one (and removes what its warm-up may have left). */
export function stopWarm() {
  if (!warm) return
  warm.serving.stop()
  const { scratch } = warm
  warm = null
  void Promise.all([rm(scratch, { recursive: true, force: true }), rm(`${scratch}-cache`, { recursive: true, force: true })])
}

/**
 * A changed-pages build's Astro step done by the warm renderer, if one is waiting and holds this
 * code. It refuses a changed page set as Astro does (FULL_BUILD_NEEDED, thrown on). Anything else
 * that goes wrong in it is no reason to fail the publish: the renderer is replaced and the build
 * runs cold, saying why (warmProblem, in the build's result).
 *
 * With `first`, the edited records' own pages are rendered into a folder of their own first and
 * handed to `first` while the renderer goes on with the rest; what `first` throws fails the build
 * (after the renderer has finished, so nothing writes into a folder being removed).
 */
async function warmInto(
  folder: string,
  previousKeys: string,
  code: string,
  first?: (firstDir: string) => Promise<void>,
): Promise<{ renderer: Renderer; warmProblem?: string; warmSteps?: WarmSteps }> {
  const current = warm
  if (!current?.serving.idle || current.code !== code) return { renderer: 'astro', ...(warmProblem ? { warmProblem } : {}) }
  const firstDir = `${folder}-first`
  let firstFailed: { error: unknown } | undefined
  const onFirst = first
    ? async () => {
        try {
          await first(firstDir)
        } catch (error) {
          firstFailed = { error }
        }
      }
    : undefined
  try {
    const { steps, slowest, loaded } = await current.serving.run(
      { outDir: folder, ...(first ? { firstDir, fastEnv: buildVariables(folder, undefined, FAST) } : {}), env: buildVariables(folder, previousKeys) },
      onFirst,
    )
    if (firstFailed) throw firstFailed.error
    return { renderer: 'warm', warmSteps: { ...steps, slowest, loaded } }
  } catch (error) {
    if (firstFailed) throw firstFailed.error
    const message = (error as Error).message
    await rm(folder, { recursive: true, force: true })
    await removeBeside(folder)
    if (message.includes(FULL_BUILD_NEEDED)) throw error
    stopWarm()
    if (warmWanted) await keepWarm(warmWanted)
    return { renderer: 'astro', warmProblem: `The warm renderer failed, so this publish was built cold: ${message}` }
  } finally {
    await rm(firstDir, { recursive: true, force: true })
  }
}

const removeBeside = (folder: string) => Promise.all(['excluded', 'secrets', 'keys'].flatMap((kind) => [rm(`${folder}.${kind}.jsonl`, { force: true }), rm(`${folder}.${kind}.jsonl${FAST}`, { force: true })]))

/**
 * Every page into a fresh folder, indexed with Pagefind, checked, and only then switched in as the
 * target. A failed build leaves the last good site untouched.
 */
async function fullBuild(env: NodeJS.ProcessEnv, builds: string, target: string, code: string, quiet: boolean): Promise<Omit<BuildResult, 'seconds'>> {
  const folder = path.join(builds, `build-${Date.now()}`)
  try {
    const astroStarted = performance.now()
    const { secrets, excluded, keys } = await astroInto(env, builds, folder, quiet)
    // Pagefind and the output checks run side by side: the checks read the pages Pagefind reads
    // (its index is made from them and stored compressed, so they skip its folder).
    const pagefindStarted = performance.now()
    let pagefindEnded = 0
    const indexed = run(bin('pagefind'), ['--site', folder, '--glob', await searchGlob(folder), '--silent'], { env, capture: quiet }).then(() => {
      pagefindEnded = performance.now()
    })
    // Both end before anything else happens: a failed check must not remove the folder while
    // Pagefind still writes into it, and the check's reason is the one to report.
    const [checked, index] = await Promise.allSettled([checkBuiltSite(folder, { secrets }), indexed])
    if (checked.status === 'rejected') throw checked.reason
    if (index.status === 'rejected') throw index.reason
    const { pages } = checked.value
    const checksStarted = pagefindEnded
    const id = path.basename(folder)
    await writeFile(path.join(folder, STAMP), id)
    await writeState(builds, { id, code, secrets: hashOf(secrets), pages }, keys)
    await switchIn(folder, target)
    const steps = { astro: secondsSince(astroStarted, pagefindStarted), pagefind: secondsSince(pagefindStarted, checksStarted), checksAndSwitch: secondsSince(checksStarted) }
    return { folder: target, pages, excluded, steps, mode: 'full', rendered: pages, renderer: 'astro' }
  } catch (error) {
    await rm(folder, { recursive: true, force: true })
    await rm(path.join(builds, 'state.json'), { force: true }) // the live folder is not what the state describes any more, or may not be
    throw error
  } finally {
    await removeBeside(folder)
  }
}

/**
 * Only the pages whose content changed (site/lib/incremental.ts), rendered into a fresh folder and
 * checked there; then each file is renamed into the live folder (one file at a time, so a visitor
 * gets either the old page or the new one, never half of one) and, if a searchable page changed,
 * the search index is rebuilt beside the site and swapped in. The sitemap stays: the set of pages
 * is the same (a change to it needs a full build).
 */
async function changedPages(
  env: NodeJS.ProcessEnv,
  builds: string,
  target: string,
  state: State,
  quiet: boolean,
  started: number,
  onFirstLive?: OnFirstLive,
): Promise<Omit<BuildResult, 'seconds'>> {
  const folder = path.join(builds, `build-${Date.now()}`)
  let firstLive: (FirstLive & { searchable: boolean }) | undefined
  // A text that must never appear anywhere is new (an entry became a confidential location): the
  // pages that did not change must be checked for it too.
  const secretsUnchanged = (secrets: Secret[]) => {
    if (hashOf(secrets) !== state.secrets) throw new Error(`${FULL_BUILD_NEEDED}: the texts the site must never show changed`)
  }
  // The edited records' own pages, checked as every page is and put live before the listings.
  const putFirstLive = async (firstDir: string) => {
    const { secrets } = await besideFiles(folder, FAST)
    secretsUnchanged(secrets)
    if (!(await readdir(firstDir).catch(() => [])).length) return
    await checkBuiltSite(firstDir, { secrets, allowNoPages: true })
    const written = await moveInto(firstDir, target, builds)
    firstLive = { files: written.map(({ file }) => file), seconds: secondsSince(started), searchable: written.some((file) => file.searchable) }
    await onFirstLive?.({ files: firstLive.files, seconds: firstLive.seconds })
  }
  try {
    const astroStarted = performance.now()
    const previousKeys = path.join(builds, 'page-keys.jsonl')
    const { renderer, warmProblem, warmSteps } = await warmInto(folder, previousKeys, state.code, putFirstLive)
    const { secrets, excluded, keys } = renderer === 'warm' ? await besideFiles(folder) : await astroInto(env, builds, folder, quiet, previousKeys)
    secretsUnchanged(secrets)
    const checksStarted = performance.now()
    // The first pages are rendered again with the rest (the warm renderer's whole pass; a cold build).
    const rendered = (await checkBuiltSite(folder, { secrets })).pages
    const written = await moveInto(folder, target, builds)
    const pagefindStarted = performance.now()
    if (written.some((file) => file.searchable) || firstLive?.searchable) await reindex(env, target, quiet)
    await writeState(builds, state, keys)
    const steps = { astro: secondsSince(astroStarted, checksStarted), pagefind: secondsSince(pagefindStarted), checksAndSwitch: secondsSince(checksStarted, pagefindStarted) }
    return {
      folder: target,
      pages: state.pages,
      excluded,
      steps,
      mode: 'changed pages',
      rendered,
      renderer,
      ...(warmProblem ? { warmProblem } : {}),
      ...(warmSteps ? { warmSteps } : {}),
      ...(firstLive ? { firstLive: { files: firstLive.files, seconds: firstLive.seconds } } : {}),
    }
  } catch (error) {
    const message = (error as Error).message
    // A full build follows, and makes every page right; anything else leaves the first pages live.
    if (!firstLive || message.includes(FULL_BUILD_NEEDED)) throw error
    // The search index must know the pages that are live; the build still fails, saying which they are.
    if (firstLive.searchable) await reindex(env, target, quiet).catch(() => undefined)
    throw new Error(`${PARTLY_LIVE} (${firstLive.files.join(', ')}); the pages that list them were not updated: ${message}`)
  } finally {
    await rm(folder, { recursive: true, force: true })
    await removeBeside(folder)
  }
}

/**
 * Moves every file of `folder` that differs from the live one into `target`, the sitemap excepted. First every file is put beside
 * its place (renamed, or copied when the build folder is on another disk); if any cannot be — a
 * full disk — those are removed and the live site is exactly as it was. Then each is renamed into
 * place, which needs no space and replaces a page whole.
 */
async function moveInto(folder: string, target: string, builds: string): Promise<{ file: string; searchable: boolean }[]> {
  const stamp = Date.now()
  const staged: { from: string; beside: string; to: string; file: string; searchable: boolean }[] = []
  await writeFile(path.join(builds, STAGING), target)
  try {
    for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue
      const from = path.join(entry.parentPath, entry.name)
      const file = path.relative(folder, from)
      if (/^sitemap[^/]*\.xml$/.test(file)) continue
      const to = path.join(target, file)
      const bytes = await readFile(from)
      // A listing rendered again with nothing in it changed stays as it is, and does not make the
      // search index be rebuilt (at 10k, Pagefind is ~3 s of a publish).
      if ((await readFile(to).catch(() => null))?.equals(bytes)) continue
      const beside = path.join(path.dirname(to), `.${path.basename(to)}.incoming-${stamp}`)
      const searchable = file.endsWith('.html') && bytes.includes('data-pagefind-body')
      await mkdir(path.dirname(to), { recursive: true })
      staged.push({ from, beside, to, file, searchable })
      try {
        await rename(from, beside)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
        await cp(from, beside)
      }
    }
  } catch (error) {
    await Promise.all(staged.map(({ beside }) => rm(beside, { force: true })))
    await rm(path.join(builds, STAGING), { force: true })
    throw error
  }
  for (const { beside, to } of staged) await rename(beside, to)
  await rm(path.join(builds, STAGING), { force: true })
  return staged.map(({ file, searchable }) => ({ file, searchable }))
}

/** Pagefind over the live folder into a new bundle beside it, swapped in by two renames. */
async function reindex(env: NodeJS.ProcessEnv, target: string, quiet: boolean) {
  const stamp = Date.now()
  const fresh = path.join(target, `.pagefind-${stamp}`)
  const old = path.join(target, `.pagefind-old-${stamp}`)
  try {
    await run(bin('pagefind'), ['--site', target, '--glob', await searchGlob(target), '--output-path', fresh, '--silent'], { env, capture: quiet })
    await rename(path.join(target, 'pagefind'), old).catch(() => undefined)
    await rename(fresh, path.join(target, 'pagefind'))
  } finally {
    await rm(fresh, { recursive: true, force: true })
    await rm(old, { recursive: true, force: true })
  }
}

async function readState(builds: string, target: string): Promise<State | null> {
  try {
    const state = JSON.parse(await readFile(path.join(builds, 'state.json'), 'utf8')) as State
    const live = await readFile(path.join(target, STAMP), 'utf8')
    return live === state.id && existsSync(path.join(builds, 'page-keys.jsonl')) ? state : null
  } catch {
    return null
  }
}

async function writeState(builds: string, state: State, keys: string) {
  await rename(keys, path.join(builds, 'page-keys.jsonl'))
  await writeFile(path.join(builds, 'state.json'), JSON.stringify(state))
}

let heldAstro: Held<object> | null = null

/**
 * For a process that will build later (scripts/build.ts held by a publishing CMS): the Astro step
 * is forked now and loads its modules while nobody waits (scripts/lib/astro-build.mjs); the next
 * buildSite() in this process starts it instead of forking one.
 */
export function holdAstroStep(env: NodeJS.ProcessEnv) {
  heldAstro ??= forkHeld('Astro', ASTRO_STEP, [], { cwd: projectRoot, execArgv: ASTRO_EXEC_ARGV, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' }, show: true })
}

/** Has the held Astro step loaded its modules and opened the CMS, and is it waiting for go? */
export const astroStepWaiting = () => heldAstro?.loaded ?? false

/**
 * Folders Pagefind need not read: the directory's entries and listings (/services/, /support/),
 * searched in the page instead (site/components/directory-search.ts), and files that are not
 * pages. At 10,000 entries they are ~11,000 of ~12,000 pages: reading them cost Pagefind most of
 * its time and memory. Everything else is read, so a new kind of page is searchable as soon as it
 * asks to be (Base.astro's `searchable`).
 */
export const NOT_SEARCHED = new Set(['services', 'support', 'media', '_astro', 'pagefind', 'open-data'])

/** A language's copy of the site (/bn/, /ur/ … issue 20) is read as the site is, one level down: its /support/ is not read either. */
const LANGUAGE_FOLDERS = new Set<string>(OPTIONAL_LANGUAGES)

export async function searchGlob(folder: string): Promise<string> {
  const searched = async (under: string): Promise<string[]> =>
    (
      await Promise.all(
        (await readdir(path.join(folder, under), { withFileTypes: true }))
          .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !NOT_SEARCHED.has(e.name))
          .map(async (e) => (!under && LANGUAGE_FOLDERS.has(e.name) ? [`${e.name}/*.html`, ...(await searched(e.name))] : [`${under ? `${under}/` : ''}${e.name}/**/*.html`])),
      )
    ).flat()
  return `{${['*.html', ...(await searched(''))].join(',')}}`
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
  // What a changed-pages build was putting beside the live files: a search index (at the top),
  // and pages staged anywhere in the site, looked for only if a build was killed while staging.
  for (const name of await readdir(target).catch(() => [] as string[])) if (/^\.pagefind-/.test(name)) await rm(path.join(target, name), { recursive: true, force: true })
  if (existsSync(path.join(builds, STAGING))) {
    for (const entry of await readdir(target, { withFileTypes: true, recursive: true }).catch(() => []))
      if (/\.incoming-\d+$/.test(entry.name)) await rm(path.join(entry.parentPath, entry.name), { force: true })
    await rm(path.join(builds, STAGING), { force: true })
  }
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
