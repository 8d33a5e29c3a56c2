/**
 * One site build, as the CMS runs it after a publish: a row in the build log (site-builds), the
 * build itself in a child process (scripts/build.ts: Astro → Pagefind → checks → atomic switch),
 * and on success the optional deploy hook. A failure is recorded with its reason; the last good
 * site stays live because the switch only happens after every check has passed.
 */
import path from 'node:path'
import type { Payload } from 'payload'
import { projectRoot } from '../paths'
import type { Exclusion } from '../../site/lib/payload-loader'
import { forkForReport, forkServing, type ForkForReport, type Serving } from '../../scripts/lib/child-result'
import type { BuildResult } from '../../scripts/lib/site-build'
import { PARTLY_LIVE } from './outcome'
import type { BuildRun } from './builder'

const BUILD_SCRIPT = path.join(projectRoot, 'scripts', 'build.ts')

const withoutPublishing = ({ CSP_HUB_PUBLISH: _publish, CSP_HUB_STARTUP_BUILD: _startup, ...env }: NodeJS.ProcessEnv) => env

/** What a successful build reports (scripts/build.ts): pages, seconds (each step's too), records left out. */
export type BuildOutcome = Omit<BuildResult, 'folder'>

/** What editors read in the build log about records left out. */
export const describeExclusions = (excluded: Exclusion[]) =>
  excluded.length
    ? `Live, but ${excluded.length} record${excluded.length === 1 ? ' was' : 's were'} left out because ${excluded.length === 1 ? 'it does' : 'they do'} not pass the site's checks; fix ${excluded.length === 1 ? 'it' : 'them'} in the CMS:\n` +
      excluded.map((e) => `- ${e.collection} “${e.title}” (id ${e.id}): ${e.problem}`).join('\n')
    : null

/**
 * Forks `scripts/build.ts --skip-seed` (or `script`, in tests) with an IPC channel; resolves with
 * the result it reports, rejects with the reason it reports or, if it dies without one, with its
 * exit code or signal. Its output is not read.
 */
export function buildInChildProcess(env: NodeJS.ProcessEnv = process.env, { script = BUILD_SCRIPT, started }: { script?: string; started?: ForkForReport['started'] } = {}): Promise<BuildOutcome> {
  return forkForReport<BuildOutcome>('The build', script, ['--skip-seed'], { ...buildOptions(env), started })
}

const buildOptions = (env: NodeJS.ProcessEnv): ForkForReport => ({
  cwd: projectRoot,
  execArgv: ['--import', 'tsx'],
  // The build reads the CMS as a visitor; it must not act as the publishing CMS (its Payload would
  // otherwise log a start-up build and mark the very build that runs it as failed).
  env: { ...withoutPublishing(env), PATH: `${path.join(projectRoot, 'node_modules', '.bin')}${path.delimiter}${env.PATH ?? ''}` },
})

const SERVING = Symbol.for('csp-hub.serving-build')
type ServingHolder = { [SERVING]?: Serving<BuildOutcome> }

/**
 * The publishing CMS's build process (scripts/build.ts --serve), forked ahead and kept: Node
 * loading the build, Astro, Payload and its adapters is spent once instead of inside a publish, and
 * it keeps the warm renderer that renders a publish's changed pages (scripts/lib/warm/). It runs
 * the publishes one after another (SiteBuilder never starts two at once). Costs an idle process
 * pair while it waits, plus the warm renderer's copy of the site's content (SITE_WARM_RENDERER=off
 * leaves it out).
 */
export function holdNextBuild(env: NodeJS.ProcessEnv = process.env): void {
  const holder = globalThis as ServingHolder
  if (!holder[SERVING]?.alive) holder[SERVING] = forkServing<BuildOutcome>('The build', BUILD_SCRIPT, ['--skip-seed'], buildOptions(env))
}

/**
 * A publish's build: run by the kept build process if it is loaded and waiting, else in a process
 * forked now (the kept one is still loading, or it ended: it is then forked again).
 */
export async function buildWhenPublished(env: NodeJS.ProcessEnv = process.env): Promise<BuildOutcome> {
  const serving = (globalThis as ServingHolder)[SERVING]
  try {
    return serving?.idle ? await serving.run() : await buildInChildProcess(env)
  } finally {
    holdNextBuild(env)
  }
}

/** POSTs the build result to SITE_DEPLOY_HOOK_URL (a CDN or static host), if configured. */
export async function callDeployHook(body: Record<string, unknown>, url = process.env.SITE_DEPLOY_HOOK_URL): Promise<string | null> {
  if (!url) return null
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    })
    return response.ok ? null : `The deploy hook answered ${response.status}.`
  } catch (error) {
    return `The deploy hook could not be reached: ${(error as Error).message}`
  }
}

const STARTUP_RECORDED = Symbol.for('csp-hub.startup-recorded')

/** The build `npm start` runs before the CMS starts, handed to the CMS to record (CSP_HUB_STARTUP_BUILD). */
export type StartupBuild = { status: 'succeeded' | 'failed'; startedAt: string; finishedAt: string; pages?: number; excluded?: Exclusion[]; error?: string | null }

/**
 * When the CMS starts with publishing on: builds left 'running' by a CMS that was stopped or killed
 * are marked failed (the switch-in never happened, so the previous site stayed live), and the
 * start-up build is written to the build log, where the dashboard shows a failure until fixed.
 */
export async function recordStartup(payload: Payload, startup = process.env.CSP_HUB_STARTUP_BUILD): Promise<void> {
  // Next may initialise Payload more than once in one CMS process (per route bundle, lazily), so
  // this must be idempotent: it only touches builds that started before this process did, and
  // logs the start-up build only if it is not in the log yet.
  const holder = globalThis as { [STARTUP_RECORDED]?: Promise<void> }
  holder[STARTUP_RECORDED] ??= (async () => {
    const processStarted = new Date(Date.now() - process.uptime() * 1000).toISOString()
    await payload.update({
      collection: 'site-builds',
      where: { and: [{ status: { equals: 'running' } }, { startedAt: { less_than: processStarted } }] },
      data: { status: 'failed', finishedAt: new Date().toISOString(), error: 'The CMS stopped during this build; the previous site stayed live.' },
    })
    if (!startup) return
    const build = JSON.parse(startup) as StartupBuild
    const trigger = `npm start (${build.startedAt})`
    if ((await payload.count({ collection: 'site-builds', where: { trigger: { equals: trigger } } })).totalDocs > 0) return
    await payload.create({
      collection: 'site-builds',
      data: {
        label: `Start-up build at ${build.startedAt.slice(0, 19).replace('T', ' ')} UTC`,
        status: build.status,
        trigger,
        startedAt: build.startedAt,
        finishedAt: build.finishedAt,
        durationMs: Date.parse(build.finishedAt) - Date.parse(build.startedAt),
        pages: build.pages ?? null,
        excluded: build.excluded ?? [],
        error: build.error ?? null,
      },
    })
  })()
  await holder[STARTUP_RECORDED]
}

export function createBuildRunner(payload: Payload, build: () => Promise<BuildOutcome> = buildWhenPublished): BuildRun {
  return async (reasons) => {
    const startedAt = new Date()
    const row = await payload.create({
      collection: 'site-builds',
      data: { label: `Build at ${startedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC`, status: 'running', trigger: reasons.join('\n'), startedAt: startedAt.toISOString() },
    })
    const finish = (data: Record<string, unknown>) =>
      payload.update({
        collection: 'site-builds',
        id: row.id,
        data: { finishedAt: new Date().toISOString(), durationMs: Date.now() - startedAt.getTime(), ...data },
      })
    try {
      const { pages, excluded, warmProblem, mode, renderer, rendered, firstLive } = await build()
      const hookProblem = await callDeployHook({ event: 'site.published', build: row.id, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), pages, changes: reasons })
      const leftOut = describeExclusions(excluded)
      await finish({ status: 'succeeded', pages, excluded, error: [leftOut, hookProblem, warmProblem].filter(Boolean).join('\n') || null })
      const how =
        mode === 'changed pages'
          ? `${rendered} of ${pages} pages rendered again${renderer === 'warm' ? ' by the warm renderer' : ' by astro build'}${firstLive ? `, the edited records' own pages live after ${firstLive.seconds.toFixed(1)} s` : ''}`
          : `${pages} pages`
      payload.logger.info(`Site rebuilt (${how}) in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s: ${reasons.join('; ')}`)
      if (leftOut) payload.logger.warn(leftOut)
      if (warmProblem) payload.logger.warn(warmProblem)
    } catch (error) {
      const message = (error as Error).message
      await finish({ status: 'failed', error: message })
      // A build that failed after the edited records' own pages went live says so in its message.
      payload.logger.error(`Site build failed${message.includes(PARTLY_LIVE) ? '.' : '; the previous site is still live.'} ${message}`)
      throw error
    }
  }
}
